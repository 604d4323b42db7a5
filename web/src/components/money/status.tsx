import { Badge } from '@/components/ui';
import { contractLooks, invoiceLooks, look, quoteLooks, type Audience } from './statuses';

export function QuoteStatus({ status, audience = 'client' }: { status: string; audience?: Audience }) {
  const [tone, label] = look(quoteLooks, status, audience);
  return <Badge tone={tone}>{label}</Badge>;
}

export function ContractStatus({ status, audience = 'client' }: { status: string; audience?: Audience }) {
  const [tone, label] = look(contractLooks, status, audience);
  return <Badge tone={tone}>{label}</Badge>;
}

export function InvoiceStatus({
  status,
  overdue,
  audience = 'client',
}: {
  status: string;
  overdue?: boolean;
  audience?: Audience;
}) {
  const [tone, label] = look(invoiceLooks, status, audience);
  return (
    <span className="inline-flex flex-wrap gap-1.5">
      <Badge tone={tone}>{label}</Badge>
      {overdue && <Badge tone="red">Overdue</Badge>}
    </span>
  );
}
export type { Audience } from './statuses';
