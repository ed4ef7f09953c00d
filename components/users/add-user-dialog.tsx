'use client'

import { UserPlus } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { ApiError } from '@/lib/api/client-fetch'
import { ASSIGNABLE_ROLES, ROLE_LABELS } from '@/lib/domain/roles'
import { Button } from '@/components/ui/button'
import { SelectField, TextField } from '@/components/ui/field'
import { FormDialog } from '@/components/sites/form-dialog'
import { FormError } from '@/components/auth/auth-card'
import { ROLE_HINTS } from './role-hints'
import { useAddUser, type NewUserInput } from './use-users'

type Errors = Partial<Record<'email' | 'name' | 'role' | 'password' | 'form', string>>

export function AddUserDialog() {
  const [open, setOpen] = useState(false)
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [role, setRole] = useState<NewUserInput['role']>('viewer')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const add = useAddUser()

  function reset() {
    setEmail('')
    setName('')
    setRole('viewer')
    setPassword('')
    setErrors({})
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    const errs: Errors = {}
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errs.email = 'Enter an e-mail address.'
    if (password.length < 10) errs.password = 'Use at least 10 characters.'
    setErrors(errs)
    if (Object.keys(errs).length) return
    try {
      await add.mutateAsync({ email: email.trim(), role, password, ...(name.trim() ? { name: name.trim() } : {}) })
      setOpen(false)
      reset()
    } catch (err) {
      const field = err instanceof ApiError ? err.field : undefined
      const message = err instanceof Error ? err.message.replace(/^\w+: /, '') : String(err)
      setErrors(
        field && ['email', 'name', 'role', 'password'].includes(field) ? { [field]: message } : { form: message },
      )
    }
  }

  return (
    <>
      <Button variant="primary" icon={UserPlus} onClick={() => setOpen(true)}>
        Add user
      </Button>
      <FormDialog
        open={open}
        onOpenChange={(o) => {
          setOpen(o)
          if (!o) reset()
        }}
        busy={add.isPending}
        title="Add a user"
        description="They sign in with this e-mail and password; tell them the password yourself and ask them to change it."
      >
        <form method="post" noValidate onSubmit={submit} className="flex flex-col gap-4">
          <TextField
            label="E-mail"
            type="email"
            autoComplete="off"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.email}
          />
          <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
          <SelectField
            label="Role"
            value={role}
            onChange={(e) => setRole(e.target.value as NewUserInput['role'])}
            error={errors.role}
            hint={ROLE_HINTS[role]}
          >
            {ASSIGNABLE_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Initial password"
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.password}
            hint="At least 10 characters."
          />
          {errors.form && <FormError>{errors.form}</FormError>}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={add.isPending}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" icon={UserPlus} busy={add.isPending}>
              Add user
            </Button>
          </div>
        </form>
      </FormDialog>
    </>
  )
}
