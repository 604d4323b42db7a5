import { Badge } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
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
  const t = useT();
  const [tone, label] = look(invoiceLooks, status, audience);
  return (
    <span className="inline-flex flex-wrap gap-1.5">
      <Badge tone={tone}>{label}</Badge>
      {overdue && <Badge tone="red">{t('money.invoice.overdue')}</Badge>}
    </span>
  );
}
export type { Audience } from './statuses';
