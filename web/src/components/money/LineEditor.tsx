import { useId } from 'react';
import { Button } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { formatMoney, percent } from '@/lib/money';
import {
  emptyLine,
  lineNet,
  MAX_LINES,
  previewTotals,
  type LineDraft,
  type LineField,
  type LineProblems,
} from './lines';

const input =
  'block w-full rounded-lg border bg-white px-3 py-2 text-[15px] text-slate-900 shadow-sm placeholder:text-slate-500';

/**
 * A quote's or invoice's lines (and a quote template's): what, how many, at what price, with
 * which tax and discount.
 * Amounts are typed as money ("12.50"); each line's amount and the totals follow the typing,
 * as a preview of what the server will compute. Under 640 px each line is a card of two columns.
 */
export function LineEditor({
  lines,
  onChange,
  currency,
  locale,
  digits,
  problems,
  serverErrors,
  mergeTargets,
}: {
  lines: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  currency: string;
  locale: string;
  digits: number;
  /** Problems found before sending, by line key and field. */
  problems: LineProblems;
  /** Errors the server named, e.g. `lines[0].quantity`, by line index and field. */
  serverErrors?: (index: number, field: string) => string | undefined;
  /** Marks each description as a place a merge field can be inserted (`data-merge`), for templates. */
  mergeTargets?: boolean;
}) {
  const id = useId();
  const t = useT();
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const update = (key: number, change: Partial<LineDraft>) =>
    onChange(lines.map((l) => (l.key === key ? { ...l, ...change } : l)));
  const remove = (key: number) => onChange(lines.filter((l) => l.key !== key));
  const totals = previewTotals(lines, digits);
  // A new line takes the tax rate of the one above it: most documents use one rate.
  const lastRate = lines.at(-1)?.taxRate ?? '';

  const fields: [LineField, string, string, string, 'text' | 'decimal' | undefined][] = [
    [
      'description',
      'description',
      t('consoleBilling.lines.description'),
      t('consoleBilling.lines.descriptionExample'),
      'text',
    ],
    ['quantity', 'quantity', t('consoleBilling.lines.quantity'), '1', 'decimal'],
    [
      'unitPrice',
      'unit_price_minor',
      t('consoleBilling.lines.unitPrice', { currency }),
      digits ? '0.00' : '0',
      'decimal',
    ],
    ['taxRate', 'tax_rate_bp', t('consoleBilling.lines.taxRate'), '0', 'decimal'],
    ['discount', 'discount_bp', t('consoleBilling.lines.discount'), '0', 'decimal'],
  ];

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">{t('consoleBilling.lines.legend')}</legend>
      <ol className="space-y-3">
        {lines.map((line, i) => {
          const n = i + 1;
          const net = lineNet(line, digits);
          return (
            <li
              key={line.key}
              aria-label={t('consoleBilling.lines.line', { n: String(n) })}
              className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-6 lg:grid-cols-[minmax(0,1fr)_5.5rem_7.5rem_5rem_5.5rem_7rem_auto] lg:items-start"
            >
              {fields.map(([field, server, label, placeholder, mode]) => {
                const fid = `${id}-${line.key}-${field}`;
                const error = problems[line.key]?.[field] ?? serverErrors?.(i, server);
                return (
                  <div
                    key={field}
                    className={`space-y-1 ${field === 'description' ? 'col-span-2 sm:col-span-6 lg:col-span-1' : 'sm:col-span-3 lg:col-span-1'}`}
                  >
                    <label htmlFor={fid} className="block text-sm text-slate-700">
                      {label}
                      <span className="sr-only">
                        {t('consoleBilling.lines.labelSuffix', { n: String(n) })}
                      </span>
                    </label>
                    <input
                      id={fid}
                      type="text"
                      inputMode={mode}
                      value={line[field]}
                      placeholder={placeholder}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${fid}-error` : undefined}
                      data-merge={mergeTargets && field === 'description' ? '' : undefined}
                      onChange={(e) => update(line.key, { [field]: e.target.value })}
                      className={`${input} ${error ? 'border-red-600' : 'border-slate-300'}`}
                    />
                    {error && (
                      <p id={`${fid}-error`} className="text-sm font-medium text-red-700">
                        {error}
                      </p>
                    )}
                  </div>
                );
              })}
              <div className="space-y-1 sm:col-span-3 lg:col-span-1">
                <span className="block text-sm text-slate-700">{t('consoleBilling.lines.amount')}</span>
                <output
                  aria-label={t('consoleBilling.lines.lineAmount', { n: String(n) })}
                  className="block py-2 font-medium whitespace-nowrap text-slate-900"
                >
                  {net === null ? '—' : money(net)}
                </output>
              </div>
              <div className="pt-6 sm:col-span-3 lg:col-span-1">
                <Button
                  variant="ghost"
                  aria-label={t('consoleBilling.lines.removeLine', { n: String(n) })}
                  onClick={() => remove(line.key)}
                  disabled={lines.length === 1}
                >
                  {t('consoleBilling.lines.remove')}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <Button
          variant="secondary"
          onClick={() => onChange([...lines, emptyLine(lastRate)])}
          disabled={lines.length >= MAX_LINES}
        >
          {t('consoleBilling.lines.add')}
        </Button>
        <div
          role="group"
          aria-label={t('consoleBilling.lines.totalsPreview')}
          className="w-full max-w-xs"
          aria-live="polite"
        >
          <dl className="space-y-1.5 text-sm">
            <div className="flex justify-between gap-4">
              <dt className="text-slate-600">{t('consoleBilling.lines.subtotal')}</dt>
              <dd className="text-slate-900" data-testid="preview-subtotal">
                {money(totals.subtotal_minor)}
              </dd>
            </div>
            {totals.taxes.map((tax) => (
              <div key={tax.rate_bp} className="flex justify-between gap-4">
                <dt className="text-slate-600">
                  {t('consoleBilling.lines.taxOn', {
                    rate: percent(tax.rate_bp, locale),
                    base: money(tax.taxable_minor),
                  })}
                </dt>
                <dd className="text-slate-900">{money(tax.amount_minor)}</dd>
              </div>
            ))}
            <div className="flex justify-between gap-4 border-t border-slate-200 pt-1.5 text-base font-semibold">
              <dt className="text-slate-900">{t('consoleBilling.lines.total')}</dt>
              <dd className="text-slate-900" data-testid="preview-total">
                {money(totals.total_minor)}
              </dd>
            </div>
          </dl>
          <p className="mt-2 text-xs text-slate-600">{t('consoleBilling.lines.previewNote')}</p>
        </div>
      </div>
    </fieldset>
  );
}
