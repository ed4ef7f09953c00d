import { FlaskConical } from 'lucide-react'
import { Badge } from '@/components/ui/badge'

/** Marks a site of the demo fleet (`npm run demo`) wherever its name appears. */
export function DemoBadge({ size = 'sm' }: { size?: 'sm' | 'md' }) {
  return (
    <Badge tone="idle" icon={FlaskConical} size={size} title="A simulated site from the demo fleet (npm run demo)">
      Demo
    </Badge>
  )
}
