import { useId, useState, type KeyboardEvent } from 'react';
import { labelClass, searchInput, select } from '@/components/styles';
import { Button, Card, TextField } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { formatSpan } from './duration';
import { bookingUrl, useCopy } from './links';
import { MAX_REMINDERS, REMINDER_MAX, REMINDER_MIN, sortReminders, wholeIn, type OnlineDraft } from './hours';

/** The reminders most businesses pick, with their names (literal keys, one per preset). */
const PRESETS = [
  { minutes: 10080, key: 'consoleBooking.reminderPreset.week' },
  { minutes: 2880, key: 'consoleBooking.reminderPreset.twoDays' },
  { minutes: 1440, key: 'consoleBooking.reminderPreset.day' },
  { minutes: 120, key: 'consoleBooking.reminderPreset.twoHours' },
  { minutes: 60, key: 'consoleBooking.reminderPreset.hour' },
] as const;

const UNITS = [
  { minutes: 1, key: 'consoleBooking.reminderUnit.minutes' },
  { minutes: 60, key: 'consoleBooking.reminderUnit.hours' },
  { minutes: 1440, key: 'consoleBooking.reminderUnit.days' },
] as const;

function Check({
  label,
  hint,
  checked,
  onChange,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="flex items-start gap-3">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-1 h-4 w-4 shrink-0"
      />
      <span>
        <span className="block font-medium text-slate-900">{label}</span>
        <span className="block text-sm text-slate-600">{hint}</span>
      </span>
    </label>
  );
}

/** Whether and how clients and visitors book by themselves, and what reminds them. */
export function OnlineBookingCard({
  draft,
  onChange,
  errorOf,
  reminderErrors,
  slug,
}: {
  draft: OnlineDraft;
  onChange: (change: Partial<OnlineDraft>) => void;
  errorOf: (field: string) => string | undefined;
  /** What the server said about the reminders (the list or one of its items). */
  reminderErrors: string[];
  slug: string | undefined;
}) {
  const t = useT();
  const copy = useCopy();
  const ids = { amount: useId(), unit: useId(), reminders: useId() };
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState(60);
  const [customError, setCustomError] = useState<string | null>(null);
  const full = draft.reminders.length >= MAX_REMINDERS;

  const presetName = (minutes: number) => {
    const preset = PRESETS.find((p) => p.minutes === minutes);
    return preset ? t(preset.key) : formatSpan(minutes);
  };
  const addReminder = (minutes: number) => {
    if (full || draft.reminders.includes(minutes)) return;
    onChange({ reminders: sortReminders([...draft.reminders, minutes]) });
  };
  const addCustom = () => {
    const n = wholeIn(amount, 1, REMINDER_MAX);
    const minutes = n === null ? null : n * unit;
    if (minutes === null || minutes < REMINDER_MIN || minutes > REMINDER_MAX) {
      setCustomError(t('consoleBooking.reminderInvalid'));
      return;
    }
    if (draft.reminders.includes(minutes)) {
      setCustomError(t('consoleBooking.reminderTwice'));
      return;
    }
    setCustomError(null);
    setAmount('');
    addReminder(minutes);
  };

  const notice = wholeIn(draft.minNotice, 0, 43200);
  const url = slug ? bookingUrl(slug) : null;
  const numbers: {
    field: string;
    key: 'minNotice' | 'maxDaysAhead' | 'bufferBefore' | 'bufferAfter';
    label: string;
    hint: string;
  }[] = [
    {
      field: 'min_notice_minutes',
      key: 'minNotice',
      label: t('consoleBooking.minNotice'),
      hint:
        notice === null
          ? t('consoleBooking.minNoticeRange')
          : notice === 0
            ? t('consoleBooking.minNoticeNone')
            : t('consoleBooking.minNoticeHint', { span: formatSpan(notice) }),
    },
    {
      field: 'max_days_ahead',
      key: 'maxDaysAhead',
      label: t('consoleBooking.maxDaysAhead'),
      hint: t('consoleBooking.maxDaysAheadHint'),
    },
    {
      field: 'buffer_before_minutes',
      key: 'bufferBefore',
      label: t('consoleBooking.bufferBefore'),
      hint: t('consoleBooking.bufferBeforeHint'),
    },
    {
      field: 'buffer_after_minutes',
      key: 'bufferAfter',
      label: t('consoleBooking.bufferAfter'),
      hint: t('consoleBooking.bufferAfterHint'),
    },
  ];
  const addOnEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    addCustom();
  };

  return (
    <Card title={t('consoleBooking.online')}>
      <div className="space-y-6">
        <div className="space-y-3">
          <Check
            label={t('consoleBooking.publicBooking')}
            hint={t('consoleBooking.publicBookingHint')}
            checked={draft.publicBooking}
            onChange={(publicBooking) => onChange({ publicBooking })}
          />
          {url && (
            <div className="space-y-1.5 pl-7">
              <p className="text-sm font-medium text-slate-800">{t('consoleBooking.publicPage')}</p>
              <div className="flex flex-wrap items-center gap-2">
                <code className="min-w-0 rounded-lg bg-slate-100 px-3 py-2 text-sm break-all text-slate-900">
                  {url}
                </code>
                <Button variant="secondary" onClick={() => void copy(url)}>
                  {t('consoleBooking.copyLink')}
                </Button>
              </div>
              <p className="text-sm text-slate-600">
                {draft.publicBooking ? t('consoleBooking.publicPageHint') : t('consoleBooking.publicPageOff')}
              </p>
            </div>
          )}
          {errorOf('public_booking') && (
            <p className="text-sm font-medium text-red-700">{errorOf('public_booking')}</p>
          )}
        </div>

        <Check
          label={t('consoleBooking.requiresConfirmation')}
          hint={t('consoleBooking.requiresConfirmationHint')}
          checked={draft.requiresConfirmation}
          onChange={(requiresConfirmation) => onChange({ requiresConfirmation })}
        />

        <fieldset className="space-y-2">
          <legend className={labelClass}>{t('consoleBooking.newClientStatus')}</legend>
          {(
            [
              {
                value: 'lead',
                label: t('consoleBooking.newClientLead'),
                hint: t('consoleBooking.newClientLeadHint'),
              },
              {
                value: 'active',
                label: t('consoleBooking.newClientActive'),
                hint: t('consoleBooking.newClientActiveHint'),
              },
            ] as const
          ).map((s) => (
            <label key={s.value} className="flex items-start gap-3 rounded-lg border border-slate-200 p-3">
              <input
                type="radio"
                name="new_client_status"
                value={s.value}
                checked={draft.newClientStatus === s.value}
                onChange={() => onChange({ newClientStatus: s.value })}
                className="mt-1 h-4 w-4 shrink-0"
              />
              <span>
                <span className="block font-medium text-slate-900">{s.label}</span>
                <span className="block text-sm text-slate-600">{s.hint}</span>
              </span>
            </label>
          ))}
          {errorOf('new_client_status') && (
            <p className="text-sm font-medium text-red-700">{errorOf('new_client_status')}</p>
          )}
        </fieldset>

        <div className="grid gap-5 sm:grid-cols-2">
          {numbers.map((n) => (
            <TextField
              key={n.field}
              label={n.label}
              inputMode="numeric"
              value={draft[n.key]}
              error={errorOf(n.field)}
              hint={n.hint}
              onChange={(e) => onChange({ [n.key]: e.target.value })}
            />
          ))}
        </div>

        <fieldset className="space-y-3" aria-describedby={ids.reminders}>
          <legend className={labelClass}>{t('consoleBooking.reminders')}</legend>
          <p id={ids.reminders} className="text-sm text-slate-600">
            {t('consoleBooking.remindersHint', { max: MAX_REMINDERS })}
          </p>
          {draft.reminders.length === 0 ? (
            <p className="text-sm text-slate-600">{t('consoleBooking.noReminders')}</p>
          ) : (
            <ul className="space-y-1" aria-label={t('consoleBooking.reminders')}>
              {draft.reminders.map((minutes) => (
                <li
                  key={minutes}
                  className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-slate-50 px-3 py-1"
                >
                  <span className="text-slate-900">
                    {t('consoleBooking.reminderBefore', { span: presetName(minutes) })}
                  </span>
                  <Button
                    variant="ghost"
                    aria-label={t('consoleBooking.removeReminder', { span: presetName(minutes) })}
                    onClick={() => onChange({ reminders: draft.reminders.filter((m) => m !== minutes) })}
                  >
                    {t('consoleBooking.remove')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {reminderErrors.map((message) => (
            <p key={message} className="text-sm font-medium text-red-700">
              {message}
            </p>
          ))}
          {full ? (
            <p className="text-sm text-slate-600">
              {t('consoleBooking.remindersFull', { max: MAX_REMINDERS })}
            </p>
          ) : (
            <>
              <div className="flex flex-wrap gap-2">
                {PRESETS.filter((p) => !draft.reminders.includes(p.minutes)).map((p) => (
                  <Button
                    key={p.minutes}
                    variant="secondary"
                    aria-label={t('consoleBooking.addReminder', { span: t(p.key) })}
                    onClick={() => addReminder(p.minutes)}
                  >
                    {t('consoleBooking.addPreset', { span: t(p.key) })}
                  </Button>
                ))}
              </div>
              <div className="flex flex-wrap items-end gap-2">
                <div className="w-28 space-y-1.5">
                  <label htmlFor={ids.amount} className={labelClass}>
                    {t('consoleBooking.reminderAmount')}
                  </label>
                  <input
                    id={ids.amount}
                    inputMode="numeric"
                    value={amount}
                    aria-invalid={customError ? true : undefined}
                    aria-describedby={customError ? `${ids.amount}-error` : undefined}
                    onChange={(e) => setAmount(e.target.value)}
                    onKeyDown={addOnEnter}
                    className={`${searchInput} ${customError ? 'border-red-600' : ''}`}
                  />
                </div>
                <div className="w-36 space-y-1.5">
                  <label htmlFor={ids.unit} className={labelClass}>
                    {t('consoleBooking.reminderUnit')}
                  </label>
                  <select
                    id={ids.unit}
                    value={unit}
                    onChange={(e) => setUnit(Number(e.target.value))}
                    className={select}
                  >
                    {UNITS.map((u) => (
                      <option key={u.minutes} value={u.minutes}>
                        {t(u.key)}
                      </option>
                    ))}
                  </select>
                </div>
                <Button variant="secondary" onClick={addCustom} disabled={!amount.trim()}>
                  {t('consoleBooking.addCustomReminder')}
                </Button>
              </div>
              {customError && (
                <p id={`${ids.amount}-error`} className="text-sm font-medium text-red-700">
                  {customError}
                </p>
              )}
            </>
          )}
        </fieldset>

        <Check
          label={t('consoleBooking.smsNotices')}
          hint={t('consoleBooking.smsNoticesHint')}
          checked={draft.smsNotices}
          onChange={(smsNotices) => onChange({ smsNotices })}
        />
      </div>
    </Card>
  );
}
