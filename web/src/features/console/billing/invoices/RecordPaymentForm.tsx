import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, TextField, useToast } from '@/components/ui';
import { todayIn } from '@/lib/format';
import { formatMoney, fractionDigits, minorToInput, parseMoney } from '@/lib/money';
import { recordPayment, useSaved, type Invoice, type ManualMethod, type RecordPayment } from '../api';
import { labelClass, select } from '@/components/styles';
import { useT } from '@/lib/i18n/hooks';
import { methodLabel } from './methods';

const manual: ManualMethod[] = ['bank_transfer', 'cash', 'card', 'other'];
/** The key that backs out of the confirmation (a key name, not text). */
const ESCAPE = 'Escape';

/**
 * Money that arrived by hand: all that is due, or part of it. The server checks the amount
 * against what is due at that moment (a payment online may have just arrived), so an
 * overpayment is refused there and its message shown at the amount. The invoice's page keys
 * this form by the invoice's version, so after a payment it starts again from what is due.
 */
export function RecordPaymentForm({
  invoice: i,
  locale,
  timeZone,
}: {
  invoice: Invoice;
  locale: string;
  timeZone: string;
}) {
  const t = useT();
  const toast = useToast();
  const saved = useSaved();
  const methodId = useId();
  const form = useRef<HTMLFormElement>(null);
  const digits = fractionDigits(i.currency, locale);
  const today = todayIn(timeZone);
  const [amount, setAmount] = useState(() => minorToInput(i.due_minor, digits));
  const [method, setMethod] = useState<ManualMethod>('bank_transfer');
  // `null` until the person picks a day: "today" follows the business's zone, which may load
  // after the form (a day picked from the browser's zone meanwhile would date a payment
  // recorded just after midnight to the day before).
  const [picked, setDate] = useState<string | null>(null);
  const date = picked ?? today;
  const [reference, setReference] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  // A payment cannot be taken back, and the one that settles the invoice emails the client
  // a receipt: the form asks before it records.
  const [pending, setPending] = useState<RecordPayment | null>(null);
  const money = (minor: number) => formatMoney(minor, i.currency, locale);

  const record = useMutation({
    mutationFn: (body: RecordPayment) => recordPayment(i.id, body),
    onSuccess: (updated, body) => {
      saved.invoice(updated);
      toast(
        updated.status === 'paid'
          ? t('consoleBillingInvoices.payment.recordedPaid', {
              amount: money(body.amount_minor),
              number: updated.number,
            })
          : t('consoleBillingInvoices.payment.recordedPartial', {
              amount: money(body.amount_minor),
              due: money(updated.due_minor),
              number: updated.number,
            }),
      );
    },
    onError: () =>
      setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()),
  });
  const problem = record.error instanceof ApiProblem ? record.error : null;
  const fieldError = (field: string) => problem?.fieldError(field);
  const amountError = invalid ?? fieldError('amount_minor') ?? fieldError('currency');
  const named = ['amount_minor', 'currency', 'received_at', 'reference', 'method'].some(fieldError);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const minor = parseMoney(amount, digits);
    if (minor === null || minor <= 0) {
      setInvalid(
        digits
          ? t('consoleBillingInvoices.payment.amountInvalid')
          : t('consoleBillingInvoices.payment.amountInvalidWhole'),
      );
      setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setInvalid(null);
    setPending({
      amount_minor: minor,
      method,
      reference: reference.trim() || null,
      // Today's payment is stamped now; an earlier day's at noon UTC, inside that day nearly everywhere.
      received_at: picked && picked !== today ? `${picked}T12:00:00Z` : null,
    });
  };
  const confirm = () => {
    if (!pending) return;
    // Back to the form either way: its fields show what the server refused.
    record.mutate(pending, { onSettled: () => setPending(null) });
  };

  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      className="space-y-4"
      aria-label={t('consoleBillingInvoices.payment.formLabel')}
    >
      {record.isError && !named && <Alert tone="error">{messageOf(record.error)}</Alert>}
      <TextField
        label={t('consoleBillingInvoices.payment.amount', { currency: i.currency })}
        inputMode="decimal"
        value={amount}
        error={amountError}
        hint={t('consoleBillingInvoices.payment.amountHint', { due: money(i.due_minor) })}
        onChange={(e) => {
          setAmount(e.target.value);
          setInvalid(null);
        }}
      />
      <div className="space-y-1.5">
        <label htmlFor={methodId} className={labelClass}>
          {t('consoleBillingInvoices.payment.method')}
        </label>
        <select
          id={methodId}
          value={method}
          onChange={(e) => setMethod(e.target.value as ManualMethod)}
          className={select}
        >
          {manual.map((m) => (
            <option key={m} value={m}>
              {methodLabel(m)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label={t('consoleBillingInvoices.payment.receivedOn')}
        type="date"
        value={date}
        max={today}
        error={fieldError('received_at')}
        onChange={(e) => setDate(e.target.value)}
      />
      <TextField
        label={t('consoleBillingInvoices.payment.reference')}
        value={reference}
        error={fieldError('reference')}
        hint={t('consoleBillingInvoices.payment.referenceHint')}
        onChange={(e) => setReference(e.target.value)}
      />
      {pending ? (
        <div
          role="group"
          aria-label={t('consoleBillingInvoices.payment.confirmLabel')}
          onKeyDown={(e) => e.key === ESCAPE && !record.isPending && setPending(null)}
          className="rounded-lg border border-slate-200 bg-slate-50 p-3"
        >
          <p className="text-sm text-slate-900">
            {pending.amount_minor >= i.due_minor
              ? t('consoleBillingInvoices.payment.confirmSettles', {
                  amount: money(pending.amount_minor),
                  method,
                  number: i.number,
                  name: i.client.name,
                })
              : t('consoleBillingInvoices.payment.confirmPartial', {
                  amount: money(pending.amount_minor),
                  method,
                })}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button busy={record.isPending} onClick={confirm} autoFocus>
              {t('consoleBillingInvoices.payment.confirm')}
            </Button>
            <Button variant="ghost" disabled={record.isPending} onClick={() => setPending(null)}>
              {t('consoleBillingInvoices.payment.goBack')}
            </Button>
          </div>
        </div>
      ) : (
        <Button type="submit">{t('consoleBillingInvoices.payment.submit')}</Button>
      )}
    </form>
  );
}
