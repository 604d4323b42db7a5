import type { components } from '@/api/schema';
import { formatMoney, formatQuantity, percent } from '@/lib/money';
import { MarkdownInline } from '@/components/Markdown';
import { useT } from '@/lib/i18n/hooks';

type Line = components['schemas']['Line'];
type Totals = components['schemas']['Totals'];

/**
 * A quote's or invoice's lines and its totals, as the server computed them (rounded per line, half
 * to even): nothing is recalculated here, so the page shows exactly what the PDF says.
 * A table on wide screens; under 640 px each line becomes a small card.
 */
export function LinesTable({
  lines,
  totals,
  currency,
  locale,
}: {
  lines: Line[];
  totals: Totals;
  currency: string;
  /** The locale for amounts and percentages: the reader's language, in the tenant's region when it shares it. */
  locale: string;
}) {
  const t = useT();
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const cell = 'flex justify-between gap-4 py-0.5 sm:table-cell sm:px-3 sm:py-2.5';
  const label = 'text-slate-600 sm:hidden';
  return (
    <div className="space-y-4">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t('money.lines.caption')}</caption>
        <thead className="hidden border-b border-slate-200 text-slate-700 sm:table-header-group">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              {t('money.lines.description')}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              {t('money.lines.quantity')}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              {t('money.lines.unitPrice')}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              {t('money.lines.tax')}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              {t('money.lines.amount')}
            </th>
          </tr>
        </thead>
        <tbody className="grid gap-3 sm:table-row-group sm:divide-y sm:divide-slate-100">
          {lines.map((line, i) => (
            <tr
              key={i}
              className="block rounded-lg border border-slate-200 p-3 sm:table-row sm:border-0 sm:p-0"
            >
              <td className="block pb-1 font-medium text-slate-900 sm:table-cell sm:px-3 sm:py-2.5">
                <MarkdownInline text={line.description} />
                {line.discount_bp > 0 && (
                  <span className="block text-xs font-normal text-slate-600">
                    {t('money.lines.discount', { percent: percent(line.discount_bp, locale) })}
                  </span>
                )}
              </td>
              <td className={`${cell} sm:text-right`}>
                <span className={label}>{t('money.lines.quantity')}</span>
                {formatQuantity(line.quantity, locale)}
              </td>
              <td className={`${cell} sm:text-right`}>
                <span className={label}>{t('money.lines.unitPrice')}</span>
                {money(line.unit_price_minor)}
              </td>
              <td className={`${cell} sm:text-right`}>
                <span className={label}>{t('money.lines.tax')}</span>
                {percent(line.tax_rate_bp, locale)}
              </td>
              <td className={`${cell} font-medium text-slate-900 sm:text-right`}>
                <span className={label}>{t('money.lines.amount')}</span>
                {money(line.net_minor)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div role="group" aria-label={t('money.lines.totals')} className="ml-auto max-w-xs">
        <dl className="space-y-1.5 text-sm">
          <div className="flex justify-between gap-4">
            <dt className="text-slate-600">{t('money.lines.subtotal')}</dt>
            <dd className="text-slate-900">{money(totals.subtotal_minor)}</dd>
          </div>
          {totals.taxes.map((tax) => (
            <div key={tax.rate_bp} className="flex justify-between gap-4">
              <dt className="text-slate-600">
                {t('money.lines.taxOn', {
                  rate: percent(tax.rate_bp, locale),
                  base: money(tax.taxable_minor),
                })}
              </dt>
              <dd className="text-slate-900">{money(tax.amount_minor)}</dd>
            </div>
          ))}
          <div className="flex justify-between gap-4 border-t border-slate-200 pt-1.5 text-base font-semibold">
            <dt className="text-slate-900">{t('money.lines.total')}</dt>
            <dd className="text-slate-900">{money(totals.total_minor)}</dd>
          </div>
        </dl>
      </div>
    </div>
  );
}
