import { useId } from 'react';
import { Button } from '@/components/ui';
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
 * A quote's or invoice's lines: what, how many, at what price, with which tax and discount.
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
}) {
  const id = useId();
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const update = (key: number, change: Partial<LineDraft>) =>
    onChange(lines.map((l) => (l.key === key ? { ...l, ...change } : l)));
  const remove = (key: number) => onChange(lines.filter((l) => l.key !== key));
  const totals = previewTotals(lines, digits);
  // A new line takes the tax rate of the one above it: most documents use one rate.
  const lastRate = lines.at(-1)?.taxRate ?? '';

  const fields: [LineField, string, string, string, 'text' | 'decimal' | undefined][] = [
    ['description', 'description', 'Description', 'e.g. Logo design', 'text'],
    ['quantity', 'quantity', 'Quantity', '1', 'decimal'],
    ['unitPrice', 'unit_price_minor', `Unit price (${currency})`, digits ? '0.00' : '0', 'decimal'],
    ['taxRate', 'tax_rate_bp', 'Tax %', '0', 'decimal'],
    ['discount', 'discount_bp', 'Discount %', '0', 'decimal'],
  ];

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">Lines</legend>
      <ol className="space-y-3">
        {lines.map((line, i) => {
          const n = i + 1;
          const net = lineNet(line, digits);
          return (
            <li
              key={line.key}
              aria-label={`Line ${n}`}
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
                      <span className="sr-only">, line {n}</span>
                    </label>
                    <input
                      id={fid}
                      type="text"
                      inputMode={mode}
                      value={line[field]}
                      placeholder={placeholder}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${fid}-error` : undefined}
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
                <span className="block text-sm text-slate-700">Amount</span>
                <output
                  aria-label={`Line ${n} amount`}
                  className="block py-2 font-medium whitespace-nowrap text-slate-900"
                >
                  {net === null ? '—' : money(net)}
                </output>
              </div>
              <div className="pt-6 sm:col-span-3 lg:col-span-1">
                <Button
                  variant="ghost"
                  aria-label={`Remove line ${n}`}
                  onClick={() => remove(line.key)}
                  disabled={lines.length === 1}
                >
                  Remove
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
          Add line
        </Button>
        <div role="group" aria-label="Totals preview" className="w-full max-w-xs" aria-live="polite">
          <dl className="space-y-1.5 text-sm">
            <div className="flex justify-between gap-4">
              <dt className="text-slate-600">Subtotal</dt>
              <dd className="text-slate-900" data-testid="preview-subtotal">
                {money(totals.subtotal_minor)}
              </dd>
            </div>
            {totals.taxes.map((t) => (
              <div key={t.rate_bp} className="flex justify-between gap-4">
                <dt className="text-slate-600">
                  Tax {percent(t.rate_bp, locale)} on {money(t.taxable_minor)}
                </dt>
                <dd className="text-slate-900">{money(t.amount_minor)}</dd>
              </div>
            ))}
            <div className="flex justify-between gap-4 border-t border-slate-200 pt-1.5 text-base font-semibold">
              <dt className="text-slate-900">Total</dt>
              <dd className="text-slate-900" data-testid="preview-total">
                {money(totals.total_minor)}
              </dd>
            </div>
          </dl>
          <p className="mt-2 text-xs text-slate-600">
            A preview: each line is rounded on its own, as on the document. Once saved, the totals are the
            server’s.
          </p>
        </div>
      </div>
    </fieldset>
  );
}
