import { Link } from 'react-router';
import { useT } from '@/lib/i18n/hooks';
import { usePortal } from '@/lib/portal';
import type { PortalAppointment } from './api';
import { AppointmentStatus } from './status';
import { useClientTimes } from './zoned';

/** One appointment in a list: its time and day on the client's clock (the list names the zone). */
export function AppointmentCard({ appointment: a }: { appointment: PortalAppointment }) {
  const { base } = usePortal();
  const t = useT();
  const times = useClientTimes();
  const when = times.parts(a.starts_at);
  return (
    <Link
      to={`${base}/appointments/${a.id}`}
      className="flex items-center gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-slate-300 hover:shadow"
    >
      <div className="w-20 shrink-0 rounded-lg bg-slate-100 px-2 py-2 text-center">
        <p className="text-lg font-semibold text-slate-900">{when.time}</p>
      </div>
      <div className="min-w-0 flex-1">
        <p className="truncate font-semibold text-slate-900">{a.service_name}</p>
        <p className="text-sm text-slate-700">{when.day}</p>
        <p className="truncate text-sm text-slate-600">
          {[a.staff_name && t('portalAppointments.withStaff', { name: a.staff_name }), a.location]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </div>
      <AppointmentStatus status={a.status} />
    </Link>
  );
}
