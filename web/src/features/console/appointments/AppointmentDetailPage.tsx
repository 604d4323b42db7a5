import { Link, useParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { ErrorState, Loading } from '@/components/ui';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
import { useAppointment, useTenant, type Appointment } from './api';
import { AppointmentDetails } from './AppointmentDetails';
import { AppointmentStatusActions } from './AppointmentStatusActions';
import { AppointmentStatusBadge } from './AppointmentStatusBadge';
import { RescheduleForm } from './RescheduleForm';
import { formatWhen, type Zone } from './zoned';

export function AppointmentDetailPage() {
  const { id = '' } = useParams();
  const appointment = useAppointment(id);
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  const t = useT();
  return (
    <div>
      <Link
        to="/app/appointments"
        className="mb-4 inline-block text-sm font-medium text-slate-700 hover:underline"
      >
        {t('consoleAppointments.backToList')}
      </Link>
      {appointment.isPending || tenant.isPending ? (
        <Loading label={t('consoleAppointments.loadingOne')} />
      ) : appointment.isError || tenant.isError ? (
        <ErrorState
          title={t('consoleAppointments.loadOneFailed')}
          message={messageOf(appointment.error ?? tenant.error)}
          onRetry={() => {
            void appointment.refetch();
            void tenant.refetch();
          }}
        />
      ) : (
        <AppointmentDetail appointment={appointment.data} zone={{ timeZone: tenant.data.timezone, locale }} />
      )}
    </div>
  );
}

function AppointmentDetail({ appointment: a, zone }: { appointment: Appointment; zone: Zone }) {
  const t = useT();
  const open = a.status === 'pending' || a.status === 'confirmed';
  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">
              {t('consoleAppointments.heading', { service: a.service_name, client: a.client_name })}
            </h1>
            <AppointmentStatusBadge status={a.status} />
          </div>
          <p className="mt-1 text-slate-600">{formatWhen(a, zone)}</p>
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <AppointmentDetails appointment={a} zone={zone} />
          {open && <RescheduleForm key={a.updated_at} appointment={a} zone={zone} />}
        </div>
        <div>
          <AppointmentStatusActions appointment={a} zone={zone} />
        </div>
      </div>
    </>
  );
}
