// Light, dark or follow the system: the choice lives in localStorage; `dark` on <html> switches the
// palette (app/globals.css remaps the theme colours under it).
export type ThemeChoice = 'system' | 'light' | 'dark'

export const THEME_KEY = 'stepwise-theme'

export function readThemeChoice(): ThemeChoice {
  try {
    const v = localStorage.getItem(THEME_KEY)
    return v === 'light' || v === 'dark' ? v : 'system'
  } catch {
    return 'system'
  }
}

export function systemPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
}

/** Sets the class on <html> for a choice (system → whatever the system says now). */
export function applyTheme(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && systemPrefersDark())
  const root = document.documentElement
  if (root.classList.contains('dark') === dark) return
  // Switch at once: without this, every button's transition-colors would fade through mid-tones.
  root.classList.add('theme-switching')
  root.classList.toggle('dark', dark)
  root.style.colorScheme = dark ? 'dark' : 'light'
  requestAnimationFrame(() => requestAnimationFrame(() => root.classList.remove('theme-switching')))
}

/**
 * Runs in <head> before the first paint, so a dark page never flashes white. A constant string
 * (no data goes into it); it mirrors readThemeChoice + applyTheme.
 */
export const THEME_SCRIPT = `(function(){try{var c=localStorage.getItem('${THEME_KEY}');var d=c==='dark'||(c!=='light'&&window.matchMedia('(prefers-color-scheme: dark)').matches);var e=document.documentElement;if(d)e.classList.add('dark');e.style.colorScheme=d?'dark':'light'}catch(_){}})()`
