import { Badge } from '@/components/ui';

type Tone = 'amber' | 'blue' | 'green' | 'grey' | 'red';

// Tones follow the design: waiting on someone blue or amber, done green, gone grey, trouble red.
const quote: Record<string, [Tone, string]> = {
  sent: ['blue', 'Awaiting your decision'],
  accepted: ['green', 'Accepted'],
  changes_requested: ['red', 'Changes requested'],
  declined: ['grey', 'Declined'],
  expired: ['grey', 'Expired'],
};

const contract: Record<string, [Tone, string]> = {
  sent: ['blue', 'Awaiting your signature'],
  signed: ['green', 'Signed'],
  void: ['grey', 'Void'],
};

const invoice: Record<string, [Tone, string]> = {
  sent: ['blue', 'Unpaid'],
  partially_paid: ['amber', 'Partly paid'],
  paid: ['green', 'Paid'],
  void: ['grey', 'Void'],
};

export function QuoteStatus({ status }: { status: string }) {
  const [tone, label] = quote[status] ?? ['grey', status];
  return <Badge tone={tone}>{label}</Badge>;
}

export function ContractStatus({ status }: { status: string }) {
  const [tone, label] = contract[status] ?? ['grey', status];
  return <Badge tone={tone}>{label}</Badge>;
}

export function InvoiceStatus({ status, overdue }: { status: string; overdue?: boolean }) {
  const [tone, label] = invoice[status] ?? ['grey', status];
  return (
    <span className="inline-flex flex-wrap gap-1.5">
      <Badge tone={tone}>{label}</Badge>
      {overdue && <Badge tone="red">Overdue</Badge>}
    </span>
  );
}
