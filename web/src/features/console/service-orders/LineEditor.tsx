import { useId } from 'react';
import { Button } from '@/components/ui';
import { emptyLine, lineTotal, linesTotal, type LineDraft } from './lines';
import { formatMoney } from '@/lib/money';
import { useT } from '@/lib/i18n/hooks';

const input =
  'block w-full rounded-lg border bg-white px-3 py-2 text-[15px] text-slate-900 shadow-sm placeholder:text-slate-500';

/**
 * The order's lines: what, how many, at what price. Amounts are typed as money ("12.50") and
 * the totals follow the typing. Under 640 px each line stacks into a small card.
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
  problems: Record<number, Partial<Record<keyof LineDraft, string>>>;
  /** Errors the server named, e.g. `lines[0].quantity`, by line index and field. */
  serverErrors?: (index: number, field: string) => string | undefined;
}) {
  const t = useT();
  const id = useId();
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const update = (key: number, change: Partial<LineDraft>) =>
    onChange(lines.map((l) => (l.key === key ? { ...l, ...change } : l)));
  const remove = (key: number) => onChange(lines.filter((l) => l.key !== key));
  const total = linesTotal(lines, digits);
  // Each line's fields: what it edits, the name the server gives it in errors, how it reads.
  const fields = [
    {
      field: 'description',
      server: 'description',
      label: t('consoleOrders.description'),
      placeholder: t('consoleOrders.lineDescriptionPlaceholder'),
      inputMode: undefined,
    },
    {
      field: 'quantity',
      server: 'quantity',
      label: t('consoleOrders.quantity'),
      placeholder: '1',
      inputMode: 'numeric',
    },
    {
      field: 'unitPrice',
      server: 'unit_price_minor',
      label: t('consoleOrders.unitPriceIn', { currency }),
      placeholder: digits ? '0.00' : '0',
      inputMode: 'decimal',
    },
  ] as const;

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">{t('consoleOrders.lines')}</legend>
      <ol className="space-y-3">
        {lines.map((line, i) => {
          const n = i + 1;
          const err = (field: keyof LineDraft, server: string) =>
            problems[line.key]?.[field] ?? serverErrors?.(i, server);
          const fieldIds = {
            description: `${id}-${line.key}-d`,
            quantity: `${id}-${line.key}-q`,
            unitPrice: `${id}-${line.key}-p`,
          };
          const lt = lineTotal(line, digits);
          return (
            <li
              key={line.key}
              aria-label={t('consoleOrders.line', { n })}
              className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-[1fr_6rem_8rem_7rem_auto] sm:items-start"
            >
              {fields.map(({ field, server, label, placeholder, inputMode }) => {
                const error = err(field, server);
                return (
                  <div key={field} className="space-y-1">
                    <label htmlFor={fieldIds[field]} className="block text-sm text-slate-700">
                      {label}
                      <span className="sr-only">{t('consoleOrders.lineSuffix', { n })}</span>
                    </label>
                    <input
                      id={fieldIds[field]}
                      type="text"
                      inputMode={inputMode}
                      value={line[field]}
                      placeholder={placeholder}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${fieldIds[field]}-error` : undefined}
                      onChange={(e) => update(line.key, { [field]: e.target.value })}
                      className={`${input} ${error ? 'border-red-600' : 'border-slate-300'}`}
                    />
                    {error && (
                      <p id={`${fieldIds[field]}-error`} className="text-sm font-medium text-red-700">
                        {error}
                      </p>
                    )}
                  </div>
                );
              })}
              <div className="space-y-1">
                <span className="block text-sm text-slate-700">{t('consoleOrders.lineTotal')}</span>
                <output
                  aria-label={t('consoleOrders.lineNTotal', { n })}
                  className="block py-2 font-medium text-slate-900"
                >
                  {lt === null ? '—' : money(lt)}
                </output>
              </div>
              <div className="sm:pt-6">
                <Button
                  variant="ghost"
                  aria-label={t('consoleOrders.removeLine', { n })}
                  onClick={() => remove(line.key)}
                  disabled={lines.length === 1}
                >
                  {t('consoleOrders.remove')}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Button variant="secondary" onClick={() => onChange([...lines, emptyLine()])}>
          {t('consoleOrders.addLine')}
        </Button>
        <p className="text-base text-slate-900">
          {t('consoleOrders.total')}{' '}
          <output aria-label={t('consoleOrders.orderTotal')} aria-live="polite" className="font-semibold">
            {money(total)}
          </output>
        </p>
      </div>
    </fieldset>
  );
}
