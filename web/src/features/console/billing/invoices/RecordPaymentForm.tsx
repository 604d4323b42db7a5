import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, TextField, useToast } from '@/components/ui';
import { todayIn } from '@/lib/format';
import { formatMoney, fractionDigits, minorToInput, parseMoney } from '@/lib/money';
import { recordPayment, useSaved, type Invoice, type ManualMethod, type RecordPayment } from '../api';
import { labelClass, select } from '@/components/styles';
import { methodLabels } from './methods';

const manual: ManualMethod[] = ['bank_transfer', 'cash', 'card', 'other'];

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
          ? `Payment of ${money(body.amount_minor)} recorded — ${updated.number} is paid in full`
          : `Payment of ${money(body.amount_minor)} recorded — ${money(updated.due_minor)} still due on ${updated.number}`,
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
      setInvalid(digits ? 'An amount above 0, such as 250.00.' : 'An amount above 0, such as 2500.');
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
    <form ref={form} onSubmit={submit} noValidate className="space-y-4" aria-label="Record a payment">
      {record.isError && !named && <Alert tone="error">{messageOf(record.error)}</Alert>}
      <TextField
        label={`Amount (${i.currency})`}
        inputMode="decimal"
        value={amount}
        error={amountError}
        hint={`${money(i.due_minor)} is due. Less records a partial payment.`}
        onChange={(e) => {
          setAmount(e.target.value);
          setInvalid(null);
        }}
      />
      <div className="space-y-1.5">
        <label htmlFor={methodId} className={labelClass}>
          Method
        </label>
        <select
          id={methodId}
          value={method}
          onChange={(e) => setMethod(e.target.value as ManualMethod)}
          className={select}
        >
          {manual.map((m) => (
            <option key={m} value={m}>
              {methodLabels[m]}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label="Received on"
        type="date"
        value={date}
        max={today}
        error={fieldError('received_at')}
        onChange={(e) => setDate(e.target.value)}
      />
      <TextField
        label="Reference"
        value={reference}
        error={fieldError('reference')}
        hint="Optional: the bank reference or receipt number."
        onChange={(e) => setReference(e.target.value)}
      />
      {pending ? (
        <div
          role="group"
          aria-label="Confirm the payment"
          onKeyDown={(e) => e.key === 'Escape' && !record.isPending && setPending(null)}
          className="rounded-lg border border-slate-200 bg-slate-50 p-3"
        >
          <p className="text-sm text-slate-900">
            Record {money(pending.amount_minor)} received by {(methodLabels[method] ?? method).toLowerCase()}?
            A payment cannot be taken back
            {pending.amount_minor >= i.due_minor
              ? `; it settles ${i.number}, and ${i.client.name} gets a receipt by email.`
              : '.'}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button busy={record.isPending} onClick={confirm} autoFocus>
              Yes, record the payment
            </Button>
            <Button variant="ghost" disabled={record.isPending} onClick={() => setPending(null)}>
              Go back
            </Button>
          </div>
        </div>
      ) : (
        <Button type="submit">Record payment</Button>
      )}
    </form>
  );
}
