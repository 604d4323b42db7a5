import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import {
  Alert,
  Button,
  Cell,
  EmptyState,
  ErrorState,
  Loading,
  PageHeader,
  ResponsiveTable,
  Spinner,
} from '@/components/ui';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
import { Rich } from '@/lib/i18n/Rich';
import { ClientFilterNotice } from '@/components/ClientFilterNotice';
import { useAppointments, useStaffList, useTenant, type Appointment } from './api';
import { linkButton, rowClass, rowLink, select } from '@/components/styles';
import { groupByDay } from './week';
import { AppointmentStatusBadge } from './AppointmentStatusBadge';
import { STATUSES, statusLooks } from './statuses';
import { addDays, formatDay, formatTime, isDate, mondayOf, zonedDate, zonedToUtc } from './zoned';

export function AppointmentsPage() {
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  const t = useT();
  const header = (
    <PageHeader
      title={t('consoleAppointments.title')}
      description={t('consoleAppointments.description')}
      actions={
        <Link to="/app/appointments/new" className={linkButton}>
          {t('consoleAppointments.new')}
        </Link>
      }
    />
  );
  if (tenant.isPending) return <Loading label={t('consoleAppointments.loadingList')} />;
  if (tenant.isError) {
    return (
      <div>
        {header}
        <ErrorState
          title={t('consoleAppointments.loadListFailed')}
          message={messageOf(tenant.error)}
          onRetry={() => void tenant.refetch()}
        />
      </div>
    );
  }
  return (
    <div>
      {header}
      <Week timeZone={tenant.data.timezone} locale={locale} />
    </div>
  );
}

/**
 * The week's appointments, day by day. With `?client_id=` (the client page's "See all"), all of
 * that client's instead, whatever their date: no week to choose, the days with their year.
 */
function Week({ timeZone, locale }: { timeZone: string; locale: string }) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const today = zonedDate(new Date(), timeZone);
  const thisWeek = mondayOf(today);
  const weekParam = params.get('week');
  const monday = isDate(weekParam) ? mondayOf(weekParam) : thisWeek;
  const status = params.get('status') ?? '';
  const staffId = params.get('staff') ?? '';
  const clientId = params.get('client_id') ?? '';
  const from = clientId ? '' : zonedToUtc(monday, '00:00', timeZone).toISOString();
  const to = clientId ? '' : zonedToUtc(addDays(monday, 7), '00:00', timeZone).toISOString();
  const appointments = useAppointments({ from, to, status, staffId, clientId });
  const staff = useStaffList();
  const ids = { status: useId(), staff: useId() };

  const setParam = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: name !== 'week' },
    );

  const items = appointments.data?.pages.flatMap((p) => p.items) ?? [];
  const days = groupByDay(items, timeZone);
  const filtered = Boolean(status || staffId);
  const everyone = new URLSearchParams(params);
  everyone.delete('client_id');
  const pending = items.filter((a) => a.status === 'pending').length;
  const range = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const weekLabel = range.formatRange(
    new Date(`${monday}T12:00:00Z`),
    new Date(`${addDays(monday, 6)}T12:00:00Z`),
  );

  return (
    <>
      {clientId && (
        <ClientFilterNotice
          clientId={clientId}
          what={t('consoleAppointments.what')}
          showAll={`/app/appointments${everyone.size ? `?${everyone.toString()}` : ''}`}
          clientName={items.find((a) => a.client_id === clientId)?.client_name}
        />
      )}
      <div className="mb-4 flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
        {clientId ? (
          <h2 className="text-lg font-semibold text-slate-900">{t('consoleAppointments.allDates')}</h2>
        ) : (
          <div className="space-y-2">
            <h2 className="text-lg font-semibold text-slate-900" aria-live="polite">
              <Rich
                text={t(
                  monday === thisWeek
                    ? 'consoleAppointments.thisWeekRange'
                    : 'consoleAppointments.weekOfRange',
                  { range: weekLabel },
                )}
                tags={{ range: (chunk) => <span className="font-normal">{chunk}</span> }}
              />
            </h2>
            <div
              role="group"
              aria-label={t('consoleAppointments.chooseWeek')}
              className="flex flex-wrap gap-2"
            >
              <Button variant="secondary" onClick={() => setParam('week', addDays(monday, -7))}>
                {t('consoleAppointments.previousWeek')}
              </Button>
              <Button variant="secondary" disabled={monday === thisWeek} onClick={() => setParam('week', '')}>
                {t('consoleAppointments.thisWeek')}
              </Button>
              <Button variant="secondary" onClick={() => setParam('week', addDays(monday, 7))}>
                {t('consoleAppointments.nextWeek')}
              </Button>
            </div>
          </div>
        )}
        <div role="search" className="grid gap-3 sm:grid-cols-2 lg:w-[28rem]">
          <div className="space-y-1.5">
            <label htmlFor={ids.status} className="block text-sm font-medium text-slate-800">
              {t('consoleAppointments.statusLabel')}
            </label>
            <select
              id={ids.status}
              value={status}
              onChange={(e) => setParam('status', e.target.value)}
              className={select}
            >
              <option value="">{t('consoleAppointments.allStatuses')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(statusLooks[s].labelKey)}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1.5">
            <label htmlFor={ids.staff} className="block text-sm font-medium text-slate-800">
              {t('consoleAppointments.staff')}
            </label>
            <select
              id={ids.staff}
              value={staffId}
              onChange={(e) => setParam('staff', e.target.value)}
              className={select}
            >
              <option value="">{t('consoleAppointments.everyone')}</option>
              {staff.data?.items.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>

      <div aria-live="polite" className="mb-2 min-h-5 text-sm text-slate-600">
        {appointments.isFetching && !appointments.isFetchingNextPage && appointments.data ? (
          <Spinner size="sm" label={t('consoleAppointments.updating')} />
        ) : null}
      </div>

      {appointments.isPending ? (
        <Loading label={t('consoleAppointments.loadingList')} />
      ) : appointments.isError && !appointments.data ? (
        <ErrorState
          title={t('consoleAppointments.loadListFailed')}
          message={messageOf(appointments.error)}
          onRetry={() => void appointments.refetch()}
        />
      ) : days.length === 0 ? (
        filtered ? (
          <EmptyState
            title={t('consoleAppointments.noMatch')}
            action={
              <Button
                variant="secondary"
                // Clears the status and staff; the client's list stays the client's.
                onClick={() =>
                  setParams(
                    clientId ? { client_id: clientId } : monday === thisWeek ? {} : { week: monday },
                    { replace: true },
                  )
                }
              >
                {t('consoleAppointments.clearFilters')}
              </Button>
            }
          >
            {t(clientId ? 'consoleAppointments.noMatchClientText' : 'consoleAppointments.noMatchText')}
          </EmptyState>
        ) : clientId ? (
          <EmptyState
            title={t('consoleAppointments.emptyClient')}
            action={
              <Link
                to={`/app/appointments/new?${new URLSearchParams({ client_id: clientId }).toString()}`}
                className={linkButton}
              >
                {t('consoleAppointments.new')}
              </Link>
            }
          >
            {t('consoleAppointments.emptyClientText')}
          </EmptyState>
        ) : (
          <EmptyState
            title={t('consoleAppointments.emptyWeek')}
            action={
              <Link to="/app/appointments/new" className={linkButton}>
                {t('consoleAppointments.new')}
              </Link>
            }
          >
            {t('consoleAppointments.emptyWeekText')}
          </EmptyState>
        )
      ) : (
        <div className="space-y-6">
          {pending > 0 && status !== 'pending' && (
            <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3">
              <p className="text-sm font-medium text-amber-950">
                {t(clientId ? 'consoleAppointments.pendingCountClient' : 'consoleAppointments.pendingCount', {
                  count: pending,
                })}
              </p>
              <Button variant="secondary" onClick={() => setParam('status', 'pending')}>
                {t('consoleAppointments.showPending')}
              </Button>
            </div>
          )}
          {days.map(([day, list]) => (
            <DaySection
              key={day}
              day={day}
              appointments={list}
              locale={locale}
              timeZone={timeZone}
              today={today}
              withYear={Boolean(clientId)}
            />
          ))}
          {appointments.isFetchNextPageError && <Alert tone="error">{messageOf(appointments.error)}</Alert>}
          {appointments.hasNextPage && (
            <div className="flex justify-center">
              <Button
                variant="secondary"
                busy={appointments.isFetchingNextPage}
                onClick={() => void appointments.fetchNextPage()}
              >
                {t('consoleAppointments.loadMore')}
              </Button>
            </div>
          )}
        </div>
      )}
    </>
  );
}

function DaySection({
  day,
  appointments,
  locale,
  timeZone,
  today,
  withYear,
}: {
  day: string;
  appointments: Appointment[];
  locale: string;
  timeZone: string;
  today: string;
  /** Days from any year, not one week's: say which year. */
  withYear: boolean;
}) {
  const t = useT();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="mb-2 text-base font-semibold text-slate-900">
        {withYear
          ? formatDay(day, locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
          : formatDay(day, locale)}
        {day === today && (
          <span className="ml-2 text-sm font-medium text-slate-600">{t('consoleAppointments.today')}</span>
        )}
      </h3>
      <ResponsiveTable
        columns={[
          t('consoleAppointments.time'),
          t('consoleAppointments.client'),
          t('consoleAppointments.service'),
          { label: t('consoleAppointments.staff'), className: 'hidden md:table-cell' },
          t('consoleAppointments.statusLabel'),
        ]}
      >
        {appointments.map((a) => (
          <tr
            key={a.id}
            className={`${rowClass} ${a.status === 'pending' ? 'border-l-4 border-l-amber-400 bg-amber-50/60' : ''}`}
          >
            <td className="block pb-2 sm:table-cell sm:w-40 sm:px-4 sm:py-3">
              {/* Stretched over the row, so the whole row opens the appointment. */}
              <Link to={`/app/appointments/${a.id}`} className={rowLink}>
                {t('consoleAppointments.timeRange', {
                  start: formatTime(a.starts_at, locale, timeZone),
                  end: formatTime(a.ends_at, locale, timeZone),
                })}
                <span className="sr-only">
                  {t('consoleAppointments.rowSuffix', { service: a.service_name, client: a.client_name })}
                </span>
              </Link>
            </td>
            <Cell label={t('consoleAppointments.client')}>
              <Link
                to={`/app/clients/${a.client_id}`}
                className="relative z-10 text-slate-900 underline underline-offset-2"
              >
                {a.client_name}
              </Link>
            </Cell>
            <Cell label={t('consoleAppointments.service')}>{a.service_name}</Cell>
            <Cell label={t('consoleAppointments.staff')} wide="sm:hidden md:table-cell">
              {a.staff_name ?? <span className="text-slate-600">{t('consoleAppointments.unassigned')}</span>}
            </Cell>
            <Cell label={t('consoleAppointments.statusLabel')}>
              <AppointmentStatusBadge status={a.status} />
            </Cell>
          </tr>
        ))}
      </ResponsiveTable>
    </section>
  );
}
