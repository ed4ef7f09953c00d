/** Joins class names, skipping falsy ones. Deliberately tiny: no class merging. */
export function cn(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(' ')
}
