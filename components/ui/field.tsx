'use client'

import { useId, type ComponentProps, type ReactNode } from 'react'
import { CircleAlert } from 'lucide-react'
import { cn } from './cn'
import { useTypedBeforeHydration } from './typed-before-hydration'

export interface FieldControlProps {
  id: string
  'aria-describedby': string | undefined
  'aria-invalid': true | undefined
}

export interface FieldProps {
  label: ReactNode
  /** Shown under the control in red; also marks the control aria-invalid. */
  error?: string | null
  /** Help text under the control (hidden while an error is shown). */
  hint?: ReactNode
  required?: boolean
  id?: string
  className?: string
  /** Render the control with the given props spread onto it. */
  children: (control: FieldControlProps) => ReactNode
}

/** Label + control + hint/error, wired with htmlFor and aria-describedby. */
export function Field({ label, error, hint, required, id, className, children }: FieldProps) {
  const auto = useId()
  const controlId = id ?? auto
  const hintId = `${controlId}-hint`
  const errorId = `${controlId}-error`
  const describedBy = error ? errorId : hint ? hintId : undefined
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <label htmlFor={controlId} className="text-sm font-medium text-slate-800">
        {label}
        {required && (
          <span className="ml-0.5 text-red-600" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {children({ id: controlId, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 text-[13px] text-red-700">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
          <span>{error}</span>
        </p>
      ) : (
        hint && (
          <p id={hintId} className="text-[13px] text-slate-600">
            {hint}
          </p>
        )
      )}
    </div>
  )
}

const control =
  'block w-full rounded-md border-0 bg-white px-3 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 ' +
  'focus:outline-2 focus:-outline-offset-1 focus:outline-blue-600 disabled:bg-slate-50 disabled:text-slate-500 ' +
  'aria-invalid:ring-red-500 aria-invalid:focus:outline-red-600'

export function Input({ className, ref, ...rest }: ComponentProps<'input'>) {
  const own = useTypedBeforeHydration(ref, rest.value, rest.value !== undefined && rest.onChange !== undefined)
  return <input ref={own} className={cn(control, 'h-9', className)} {...rest} />
}

export function Select({ className, ref, ...rest }: ComponentProps<'select'>) {
  const own = useTypedBeforeHydration(ref, rest.value, rest.value !== undefined && rest.onChange !== undefined)
  return <select ref={own} className={cn(control, 'h-9 pr-8', className)} {...rest} />
}

type Wrapped<P> = Omit<P, 'id'> &
  Pick<FieldProps, 'label' | 'error' | 'hint' | 'required' | 'id'> & {
    fieldClassName?: string
  }

export function TextField({
  label,
  error,
  hint,
  required,
  id,
  fieldClassName,
  ...rest
}: Wrapped<ComponentProps<'input'>>) {
  return (
    <Field label={label} error={error} hint={hint} required={required} id={id} className={fieldClassName}>
      {(p) => <Input required={required} {...p} {...rest} />}
    </Field>
  )
}

export function SelectField({
  label,
  error,
  hint,
  required,
  id,
  fieldClassName,
  ...rest
}: Wrapped<ComponentProps<'select'>>) {
  return (
    <Field label={label} error={error} hint={hint} required={required} id={id} className={fieldClassName}>
      {(p) => <Select required={required} {...p} {...rest} />}
    </Field>
  )
}
