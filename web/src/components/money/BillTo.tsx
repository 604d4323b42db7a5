import type { components } from '@/api/schema';
import { useT } from '@/lib/i18n/hooks';

type Addressee = components['schemas']['Addressee'];

/**
 * Who a quote, contract or invoice is addressed to, as its PDF prints it. Once sent, the
 * server answers with the details frozen at sending, so this never changes under a client's
 * later edit; a draft still follows the client's record, and says so to staff.
 */
export function BillTo({
  addressee,
  draft,
  audience,
}: {
  addressee: Addressee;
  draft: boolean;
  audience: 'staff' | 'client';
}) {
  const t = useT();
  const note = draft
    ? t('money.billTo.draft')
    : audience === 'staff'
      ? t('money.billTo.sentStaff')
      : t('money.billTo.sentClient');
  return (
    <section aria-label={t('money.billTo.title')} className="text-sm text-slate-800">
      <h2 className="font-semibold text-slate-900">{t('money.billTo.title')}</h2>
      <address className="mt-1 not-italic">
        <span className="block">{addressee.name}</span>
        {addressee.company && <span className="block">{addressee.company}</span>}
        {addressee.billing_address?.split('\n').map((line, i) => (
          <span key={i} className="block">
            {line}
          </span>
        ))}
        {addressee.tax_id && (
          <span className="block">{t('money.billTo.taxId', { id: addressee.tax_id })}</span>
        )}
        <span className="block text-slate-600">{addressee.email}</span>
      </address>
      <p className="mt-1 text-xs text-slate-600">{note}</p>
    </section>
  );
}
