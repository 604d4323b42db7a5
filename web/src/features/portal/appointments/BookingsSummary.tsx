import { Link } from 'react-router';
import { ZoneNote } from '@/components/booking/ZoneNote';
import { Card, CountTile, EmptyState, Loading } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal } from '@/lib/portal';
import { usePortalAppointments, usePortalDashboard } from './api';
import { AppointmentStatus } from './status';
import { BookLink } from './AppointmentsPage';
import { useClientTimes } from './zoned';

/**
 * The dashboard's top: the next appointment (on the client's clock, naming it), counts, and what
 * changed lately.
 */
export function BookingsSummary() {
  const t = useT();
  const { slug, base, branding } = usePortal();
  const times = useClientTimes();
  const next = usePortalAppointments(slug, 'upcoming', 1);
  const dashboard = usePortalDashboard(slug);
  if (next.isPending || dashboard.isPending || !times.ready) return <Loading />;
  const upcoming = next.data?.pages[0]?.items[0];
  const d = dashboard.data;

  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <BookLink to={`${base}/book`} />
      </div>
      {upcoming ? (
        <Link
          to={`${base}/appointments/${upcoming.id}`}
          className="block rounded-xl border border-slate-200 bg-white p-5 shadow-sm hover:border-slate-300 hover:shadow"
        >
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-ink">
            {t('portalAppointments.next')}
          </p>
          <p className="mt-1 text-xl font-semibold text-slate-900">{upcoming.service_name}</p>
          <p className="text-slate-700">
            {upcoming.staff_name
              ? t('portalAppointments.nextWhenWith', {
                  ...times.parts(upcoming.starts_at),
                  name: upcoming.staff_name,
                })
              : t('portalAppointments.nextWhen', times.parts(upcoming.starts_at))}
          </p>
          <div className="mt-2">
            <ZoneNote shown={times.zone} readerZone={times.zone} businessZone={times.businessZone} />
          </div>
          <div className="mt-2">
            <AppointmentStatus status={upcoming.status} />
          </div>
        </Link>
      ) : (
        <EmptyState title={t('portalAppointments.emptyUpcoming')}>
          {t('portalAppointments.nextEmptyText', { name: branding.name })}
        </EmptyState>
      )}
      {d && ((d.upcoming_appointments ?? 0) > 0 || d.open_service_orders > 0) && (
        <div className="grid grid-cols-2 gap-4">
          <CountTile
            count={d.upcoming_appointments ?? 0}
            to={`${base}/appointments`}
            label={t('portalAppointments.upcomingCount')}
          />
          <CountTile
            count={d.open_service_orders}
            to={`${base}/orders`}
            label={
              d.ready_service_orders > 0
                ? t('portalAppointments.openOrdersReady', { ready: d.ready_service_orders })
                : t('portalAppointments.openOrders')
            }
          />
        </div>
      )}
      {d && d.recent_activity.length > 0 && (
        <Card title={t('portalAppointments.recentActivity')}>
          <ol className="space-y-2">
            {d.recent_activity.map((r, i) => (
              <li key={i} className="flex flex-col sm:flex-row sm:gap-4">
                <span className="shrink-0 text-sm text-slate-600 sm:w-44">{times.dateTime(r.at)}</span>
                <span className="text-slate-900">{r.text}</span>
              </li>
            ))}
          </ol>
        </Card>
      )}
    </div>
  );
}
