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
import { useAppointments, useStaffList, useTenant, type Appointment } from './api';
import { linkButton, rowClass, rowLink, select } from '@/components/styles';
import { groupByDay } from './week';
import { AppointmentStatusBadge } from './AppointmentStatusBadge';
import { STATUSES, statusLooks } from './statuses';
import { addDays, formatDay, formatTime, isDate, mondayOf, zonedDate, zonedToUtc } from './zoned';

export function AppointmentsPage() {
  const tenant = useTenant();
  const header = (
    <PageHeader
      title="Appointments"
      description="The week’s bookings, day by day, in your business’s time zone."
      actions={
        <Link to="/app/appointments/new" className={linkButton}>
          New appointment
        </Link>
      }
    />
  );
  if (tenant.isPending) return <Loading label="Loading appointments…" />;
  if (tenant.isError) {
    return (
      <div>
        {header}
        <ErrorState
          title="The appointments could not be loaded"
          message={messageOf(tenant.error)}
          onRetry={() => void tenant.refetch()}
        />
      </div>
    );
  }
  return (
    <div>
      {header}
      <Week timeZone={tenant.data.timezone} locale={tenant.data.locale} />
    </div>
  );
}

function Week({ timeZone, locale }: { timeZone: string; locale: string }) {
  const [params, setParams] = useSearchParams();
  const today = zonedDate(new Date(), timeZone);
  const thisWeek = mondayOf(today);
  const weekParam = params.get('week');
  const monday = isDate(weekParam) ? mondayOf(weekParam) : thisWeek;
  const status = params.get('status') ?? '';
  const staffId = params.get('staff') ?? '';
  const from = zonedToUtc(monday, '00:00', timeZone).toISOString();
  const to = zonedToUtc(addDays(monday, 7), '00:00', timeZone).toISOString();
  const appointments = useAppointments({ from, to, status, staffId });
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
      <div className="mb-4 flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
        <div className="space-y-2">
          <h2 className="text-lg font-semibold text-slate-900" aria-live="polite">
            {monday === thisWeek ? 'This week' : 'Week of'} <span className="font-normal">{weekLabel}</span>
          </h2>
          <div role="group" aria-label="Choose the week" className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => setParam('week', addDays(monday, -7))}>
              ← Previous week
            </Button>
            <Button variant="secondary" disabled={monday === thisWeek} onClick={() => setParam('week', '')}>
              This week
            </Button>
            <Button variant="secondary" onClick={() => setParam('week', addDays(monday, 7))}>
              Next week →
            </Button>
          </div>
        </div>
        <div role="search" className="grid gap-3 sm:grid-cols-2 lg:w-[28rem]">
          <div className="space-y-1.5">
            <label htmlFor={ids.status} className="block text-sm font-medium text-slate-800">
              Status
            </label>
            <select
              id={ids.status}
              value={status}
              onChange={(e) => setParam('status', e.target.value)}
              className={select}
            >
              <option value="">All statuses</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLooks[s].label}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1.5">
            <label htmlFor={ids.staff} className="block text-sm font-medium text-slate-800">
              Staff
            </label>
            <select
              id={ids.staff}
              value={staffId}
              onChange={(e) => setParam('staff', e.target.value)}
              className={select}
            >
              <option value="">Everyone</option>
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
          <Spinner size="sm" label="Updating…" />
        ) : null}
      </div>

      {appointments.isPending ? (
        <Loading label="Loading appointments…" />
      ) : appointments.isError && !appointments.data ? (
        <ErrorState
          title="The appointments could not be loaded"
          message={messageOf(appointments.error)}
          onRetry={() => void appointments.refetch()}
        />
      ) : days.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No appointments match"
            action={
              <Button
                variant="secondary"
                onClick={() => setParams(monday === thisWeek ? {} : { week: monday }, { replace: true })}
              >
                Clear filters
              </Button>
            }
          >
            No appointment this week has this status or staff member. Try another filter or week.
          </EmptyState>
        ) : (
          <EmptyState
            title="No appointments this week"
            action={
              <Link to="/app/appointments/new" className={linkButton}>
                New appointment
              </Link>
            }
          >
            Appointments you book here, and those clients book in the portal, appear here grouped by day.
          </EmptyState>
        )
      ) : (
        <div className="space-y-6">
          {days.map(([day, list]) => (
            <DaySection
              key={day}
              day={day}
              appointments={list}
              locale={locale}
              timeZone={timeZone}
              today={today}
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
                Load more appointments
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
}: {
  day: string;
  appointments: Appointment[];
  locale: string;
  timeZone: string;
  today: string;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="mb-2 text-base font-semibold text-slate-900">
        {formatDay(day, locale)}
        {day === today && <span className="ml-2 text-sm font-medium text-slate-600">(today)</span>}
      </h3>
      <ResponsiveTable
        columns={[
          'Time',
          'Client',
          'Service',
          { label: 'Staff', className: 'hidden md:table-cell' },
          'Status',
        ]}
      >
        {appointments.map((a) => (
          <tr key={a.id} className={rowClass}>
            <td className="block pb-2 sm:table-cell sm:w-40 sm:px-4 sm:py-3">
              {/* Stretched over the row, so the whole row opens the appointment. */}
              <Link to={`/app/appointments/${a.id}`} className={rowLink}>
                {formatTime(a.starts_at, locale, timeZone)} – {formatTime(a.ends_at, locale, timeZone)}
                <span className="sr-only">
                  , {a.service_name} with {a.client_name}
                </span>
              </Link>
            </td>
            <Cell label="Client">
              <Link
                to={`/app/clients/${a.client_id}`}
                className="relative z-10 text-slate-900 underline underline-offset-2"
              >
                {a.client_name}
              </Link>
            </Cell>
            <Cell label="Service">{a.service_name}</Cell>
            <Cell label="Staff" wide="sm:hidden md:table-cell">
              {a.staff_name ?? <span className="text-slate-600">Unassigned</span>}
            </Cell>
            <Cell label="Status">
              <AppointmentStatusBadge status={a.status} />
            </Cell>
          </tr>
        ))}
      </ResponsiveTable>
    </section>
  );
}
