import { ROLE_LABELS, type Role } from '@/lib/domain/roles'
import { Badge } from '@/components/ui/badge'
import { PageHeader } from '@/components/ui/page-header'
import { ChangePasswordPanel } from './change-password-panel'
import { TwoFactorPanel } from './two-factor-panel'

export function AccountView(props: { email: string; name: string; role: Role; twoFactorEnabled: boolean }) {
  return (
    <>
      <PageHeader
        title="Account"
        meta={<Badge tone="idle">{ROLE_LABELS[props.role]}</Badge>}
        description={
          <>
            Signed in as <strong className="font-medium text-slate-800">{props.name}</strong> ({props.email}).
          </>
        }
      />
      <div className="grid max-w-3xl gap-6">
        <ChangePasswordPanel />
        <TwoFactorPanel enabled={props.twoFactorEnabled} />
      </div>
    </>
  )
}
