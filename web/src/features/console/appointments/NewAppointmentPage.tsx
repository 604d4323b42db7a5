import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import {
  Alert,
  Button,
  Card,
  ErrorState,
  Loading,
  PageHeader,
  TextArea,
  TextField,
  useToast,
} from '@/components/ui';
import {
  createAppointment,
  useAppointmentSaved,
  useServices,
  useSlots,
  useStaffList,
  useTenant,
  type CreateAppointment,
  type Service,
} from './api';
import { ClientPicker, type PickedClient } from '@/components/ClientPicker';
import { usePresetClient } from '@/components/presetClient';
import { formatDuration, formatMoney } from '@/lib/money';
import { labelClass, select } from '@/components/styles';
import { FreeTimes } from './FreeTimes';
import { formatDay, formatTime, isDate, zonedDate, zonedTime, zonedToUtc } from './zoned';
import { MARKDOWN_HINT } from '@/lib/markdown';
import { useFormatLocale, useT, type Translate } from '@/lib/i18n/hooks';

/** `/app/appointments/new`; `?client_id=` (the client page's "Book") starts with that client chosen. */
export function NewAppointmentPage() {
  const tenant = useTenant();
  const services = useServices();
  const [params] = useSearchParams();
  const preset = usePresetClient(params.get('client_id'));
  const locale = useFormatLocale(tenant.data?.locale);
  const t = useT();
  const header = (
    <PageHeader title={t('consoleAppointments.new')} description={t('consoleAppointments.newDescription')} />
  );
  if (tenant.isPending || services.isPending || preset.pending)
    return <Loading label={t('consoleAppointments.loadingForm')} />;
  const failed = tenant.error ?? services.error;
  if (tenant.isError || services.isError) {
    return (
      <div className="max-w-2xl">
        {header}
        <ErrorState
          title={t('consoleAppointments.loadFormFailed')}
          message={messageOf(failed)}
          onRetry={() => {
            void tenant.refetch();
            void services.refetch();
          }}
        />
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      {header}
      <AppointmentForm
        services={services.data.filter((s) => s.active)}
        timeZone={tenant.data.timezone}
        locale={locale}
        currency={tenant.data.currency}
        client={preset.client}
      />
    </div>
  );
}

interface Draft {
  client: PickedClient | null;
  serviceId: string;
  staffId: string;
  date: string;
  time: string;
  location: string;
  notes: string;
  status: 'pending' | 'confirmed';
  /** Booked even though the time is not among the free ones. */
  anyway: boolean;
}

/** The start the draft holds, as an ISO instant, or '' while the date or time is incomplete. */
function startOf(draft: Draft, timeZone: string): string {
  if (!isDate(draft.date) || !/^\d{1,2}:\d{2}/.test(draft.time)) return '';
  return zonedToUtc(draft.date, draft.time, timeZone).toISOString();
}

/** What must still be filled in, by the field the server would name. */
function gapsOf(draft: Draft, t: Translate): Record<string, string | undefined> {
  const gaps: Record<string, string> = {};
  if (!draft.client) gaps.client_id = t('consoleAppointments.missingClient');
  if (!draft.serviceId) gaps.service_id = t('consoleAppointments.missingService');
  if (!draft.date) gaps.date = t('consoleAppointments.missingDate');
  if (!draft.time) gaps.time = t('consoleAppointments.missingTime');
  return gaps;
}

function AppointmentForm({
  services,
  timeZone,
  locale,
  currency,
  client,
}: {
  services: Service[];
  timeZone: string;
  locale: string;
  currency: string;
  /** The client to start with, if the page was opened for one. */
  client: PickedClient | null;
}) {
  const t = useT();
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useAppointmentSaved();
  const staff = useStaffList();
  const form = useRef<HTMLFormElement>(null);
  const ids = { service: useId(), staff: useId() };
  const [draft, setDraft] = useState<Draft>({
    client,
    serviceId: '',
    staffId: '',
    date: zonedDate(new Date(), timeZone),
    time: '',
    location: '',
    notes: '',
    status: 'confirmed',
    anyway: false,
  });
  const [checked, setChecked] = useState(false);
  // A change of what or when asks again whether to book outside the free times.
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({
      ...d,
      [key]: value,
      anyway: key === 'date' || key === 'time' || key === 'serviceId' || key === 'staffId' ? false : d.anyway,
    }));
  const anywayId = useId();

  // The free times of the chosen day, to tell whether the start typed is one of them.
  const startsAt = startOf(draft, timeZone);
  const daySlots = useSlots(
    { serviceId: draft.serviceId, staffId: draft.staffId },
    draft.date,
    draft.date,
    Boolean(draft.serviceId && startsAt),
  );
  const offered =
    !draft.serviceId || !startsAt || !daySlots.data
      ? null
      : daySlots.data.slots.some((s) => Date.parse(s.starts_at) === Date.parse(startsAt));
  const needsOverride = offered === false;

  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: CreateAppointment) => createAppointment(body),
    // Taken meanwhile: the free times on show are stale.
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: ['console', 'appointments', 'slots', 'new'] });
    },
    onSuccess: (appointment) => {
      saved(appointment);
      toast(
        t('consoleAppointments.booked', {
          client: appointment.client_name,
          day: formatDay(zonedDate(appointment.starts_at, timeZone), locale),
          time: formatTime(appointment.starts_at, locale, timeZone),
        }),
      );
      navigate(`/app/appointments/${appointment.id}`);
    },
  });
  const problem = create.error instanceof ApiProblem ? create.error : null;
  const missing = checked ? gapsOf(draft, t) : {};
  const anywayError =
    checked && needsOverride && !draft.anyway ? t('consoleAppointments.bookAnywayMissing') : undefined;
  const errorOf = (field: string) => missing[field] ?? problem?.fieldError(field);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [create.error]);

  const service = services.find((s) => s.id === draft.serviceId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (Object.keys(gapsOf(draft, t)).length > 0 || !draft.client || (needsOverride && !draft.anyway)) {
      // Focus the first field to fix, even when the form was already checked once.
      setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    create.mutate({
      client_id: draft.client.id,
      service_id: draft.serviceId,
      staff_id: draft.staffId || undefined,
      starts_at: zonedToUtc(draft.date, draft.time, timeZone).toISOString(),
      location: draft.location.trim() || undefined,
      notes: draft.notes.trim() || undefined,
      status: draft.status,
    });
  };

  const startsError = errorOf('starts_at');
  return (
    <Card>
      <form ref={form} onSubmit={submit} noValidate className="space-y-5">
        {create.error != null && <Alert tone="error">{messageOf(create.error)}</Alert>}
        <ClientPicker value={draft.client} onChange={(c) => set('client', c)} error={errorOf('client_id')} />
        <div className="space-y-1.5">
          <label htmlFor={ids.service} className={labelClass}>
            {t('consoleAppointments.service')}
          </label>
          <select
            id={ids.service}
            value={draft.serviceId}
            aria-invalid={errorOf('service_id') ? true : undefined}
            aria-describedby={`${ids.service}-hint`}
            onChange={(e) => set('serviceId', e.target.value)}
            className={`${select} ${errorOf('service_id') ? 'border-red-600' : ''}`}
          >
            <option value="">{t('consoleAppointments.chooseService')}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} — {formatDuration(s.duration_minutes)},{' '}
                {formatMoney(s.price_minor, s.currency || currency, locale)}
              </option>
            ))}
          </select>
          <p
            id={`${ids.service}-hint`}
            className={`text-sm ${errorOf('service_id') ? 'font-medium text-red-700' : 'text-slate-600'}`}
          >
            {errorOf('service_id') ??
              (service
                ? t('consoleAppointments.serviceTakes', {
                    duration: formatDuration(service.duration_minutes),
                    price: formatMoney(service.price_minor, service.currency || currency, locale),
                  })
                : services.length === 0
                  ? t('consoleAppointments.noServices')
                  : t('consoleAppointments.serviceHint'))}
          </p>
        </div>
        <div className="space-y-1.5">
          <label htmlFor={ids.staff} className={labelClass}>
            {t('consoleAppointments.staffMember')}
          </label>
          <select
            id={ids.staff}
            value={draft.staffId}
            aria-invalid={errorOf('staff_id') ? true : undefined}
            onChange={(e) => set('staffId', e.target.value)}
            className={select}
          >
            <option value="">{t('consoleAppointments.notAssignedYet')}</option>
            {staff.data?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {errorOf('staff_id') && <p className="text-sm font-medium text-red-700">{errorOf('staff_id')}</p>}
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label={t('consoleAppointments.date')}
            type="date"
            required
            value={draft.date}
            error={errorOf('date') ?? startsError}
            onChange={(e) => set('date', e.target.value)}
          />
          <TextField
            label={t('consoleAppointments.startTime')}
            type="time"
            required
            value={draft.time}
            error={errorOf('time')}
            hint={t('consoleAppointments.inTimeZone', { timeZone })}
            onChange={(e) => set('time', e.target.value)}
          />
        </div>
        {needsOverride && (
          <div className="space-y-2">
            <Alert tone="warning">{t('consoleAppointments.notOffered')}</Alert>
            <label htmlFor={anywayId} className="flex items-start gap-3">
              <input
                id={anywayId}
                type="checkbox"
                checked={draft.anyway}
                aria-invalid={anywayError ? true : undefined}
                aria-describedby={anywayError ? `${anywayId}-error` : undefined}
                onChange={(e) => setDraft((d) => ({ ...d, anyway: e.target.checked }))}
                className="mt-1 h-4 w-4 shrink-0"
              />
              <span>
                <span className="block font-medium text-slate-900">
                  {t('consoleAppointments.bookAnyway')}
                </span>
                <span className="block text-sm text-slate-600">
                  {t('consoleAppointments.bookAnywayHint')}
                </span>
              </span>
            </label>
            {anywayError && (
              <p id={`${anywayId}-error`} className="text-sm font-medium text-red-700">
                {anywayError}
              </p>
            )}
          </div>
        )}
        {service ? (
          <FreeTimes
            // A new service or staff member starts again from the day in the form.
            key={`${draft.serviceId}/${draft.staffId}`}
            open
            source={{ serviceId: draft.serviceId, staffId: draft.staffId }}
            startDate={draft.date}
            zone={{ timeZone, locale }}
            chosen={startsAt}
            onPick={(picked) =>
              setDraft((d) => ({
                ...d,
                date: zonedDate(picked, timeZone),
                time: zonedTime(picked, timeZone),
                anyway: false,
              }))
            }
          />
        ) : (
          <p className="text-sm text-slate-600">{t('consoleAppointments.chooseServiceForTimes')}</p>
        )}
        <TextField
          label={t('consoleAppointments.location')}
          value={draft.location}
          error={errorOf('location')}
          hint={t('consoleAppointments.locationHint')}
          onChange={(e) => set('location', e.target.value)}
        />
        <TextArea
          label={t('consoleAppointments.internalNotes')}
          value={draft.notes}
          error={errorOf('notes')}
          hint={t('consoleAppointments.internalNotesHint', { markdown: MARKDOWN_HINT })}
          onChange={(e) => set('notes', e.target.value)}
        />
        <fieldset className="space-y-2">
          <legend className={labelClass}>{t('consoleAppointments.statusLabel')}</legend>
          {(
            [
              {
                value: 'confirmed',
                label: t('consoleAppointments.status.confirmed'),
                hint: t('consoleAppointments.confirmedHint'),
              },
              {
                value: 'pending',
                label: t('consoleAppointments.status.pending'),
                hint: t('consoleAppointments.pendingHint'),
              },
            ] as const
          ).map((s) => (
            <label key={s.value} className="flex items-start gap-3 rounded-lg border border-slate-200 p-3">
              <input
                type="radio"
                name="status"
                value={s.value}
                checked={draft.status === s.value}
                onChange={() => set('status', s.value)}
                className="mt-1 h-4 w-4 shrink-0"
              />
              <span>
                <span className="block font-medium text-slate-900">{s.label}</span>
                <span className="block text-sm text-slate-600">{s.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p className="text-sm text-slate-600">{t('consoleAppointments.clientNotified')}</p>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" busy={create.isPending}>
            {t('consoleAppointments.book')}
          </Button>
          <Link
            to="/app/appointments"
            className="inline-flex min-h-10 items-center rounded-lg px-4 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-100"
          >
            {t('consoleAppointments.cancel')}
          </Link>
        </div>
      </form>
    </Card>
  );
}
