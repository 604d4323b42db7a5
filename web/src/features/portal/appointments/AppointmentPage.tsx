import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { ZoneNote } from '@/components/booking/ZoneNote';
import { Alert, Button, Card, ErrorState, Loading } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal } from '@/lib/portal';
import { useAppointmentChanged, usePortalAppointment, type PortalAppointmentDetail } from './api';
import { CancelForm } from './CancelForm';
import { ReschedulePicker } from './ReschedulePicker';
import { Stars } from './review';
import { reviewStatus } from './reviewStatus';
import { ReviewForm } from './ReviewForm';
import { AppointmentStatus } from './status';
import { useClientTimes } from './zoned';

type Panel = 'none' | 'cancel' | 'reschedule';

export function AppointmentPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { slug, base } = usePortal();
  const appointment = usePortalAppointment(slug, id);
  const { ready } = useClientTimes();
  if (appointment.isPending || (appointment.isSuccess && !ready))
    return <Loading label={t('portalAppointments.loadingOne')} />;
  if (appointment.isError) {
    const missing = appointment.error instanceof ApiProblem && appointment.error.status === 404;
    return (
      <div className="max-w-2xl space-y-4">
        <ErrorState
          title={missing ? t('portalAppointments.notFound') : t('portalAppointments.loadFailed')}
          message={messageOf(appointment.error)}
          onRetry={missing ? undefined : () => void appointment.refetch()}
        />
        <Link to={`${base}/appointments`} className="font-medium text-brand-ink underline">
          {t('portalAppointments.allAppointments')}
        </Link>
      </div>
    );
  }
  return <Detail appointment={appointment.data} />;
}

/** The appointment on the client's clock; the business's zone is named when it is another. */
function Detail({ appointment: a }: { appointment: PortalAppointmentDetail }) {
  const t = useT();
  const { slug, base, branding } = usePortal();
  const times = useClientTimes();
  const queryClient = useQueryClient();
  const changed = useAppointmentChanged(slug);
  const [panel, setPanel] = useState<Panel>('none');
  const start = times.parts(a.starts_at);
  const end = times.parts(a.ends_at);
  const open = a.status === 'pending' || a.status === 'confirmed';
  const deadline = times.differs
    ? t('portalAppointments.deadlineInZone', {
        deadline: times.dateTime(a.cancel_deadline),
        zone: times.zone,
      })
    : times.dateTime(a.cancel_deadline);

  const done = () => {
    setPanel('none');
    changed();
    void queryClient.invalidateQueries({ queryKey: ['portal', slug, 'appointments', 'one', a.id] });
  };

  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <Link
          to={`${base}/appointments`}
          className="text-sm font-medium text-brand-ink underline-offset-2 hover:underline"
        >
          {t('portalAppointments.backToAll')}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{a.service_name}</h1>
          <AppointmentStatus status={a.status} />
        </div>
      </div>

      <Card>
        <dl className="grid gap-4 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-600">{t('portalAppointments.date')}</dt>
            <dd className="font-medium text-slate-900">{start.day}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">
              {t('portalAppointments.time', { timezone: times.zone })}
            </dt>
            <dd className="font-medium text-slate-900">
              {t('portalAppointments.timeRange', {
                start: start.time,
                end: end.time,
                minutes: a.duration_minutes,
              })}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t('portalAppointments.with')}</dt>
            <dd className="font-medium text-slate-900">{a.staff_name ?? branding.name}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t('portalAppointments.where')}</dt>
            <dd className="font-medium text-slate-900">{a.location ?? t('portalAppointments.whereTbc')}</dd>
          </div>
          {a.cancel_reason && (
            <div className="sm:col-span-2">
              <dt className="text-sm text-slate-600">{t('portalAppointments.cancelReasonShown')}</dt>
              <dd className="text-slate-900">{a.cancel_reason}</dd>
            </div>
          )}
        </dl>
        {times.differs && (
          <div className="mt-4">
            <ZoneNote shown={times.zone} readerZone={times.zone} businessZone={times.businessZone} />
          </div>
        )}
      </Card>

      {open && (
        <Card title={t('portalAppointments.changeTitle')}>
          {panel === 'reschedule' ? (
            <ReschedulePicker appointment={a} onDone={done} />
          ) : panel === 'cancel' ? (
            <CancelForm appointment={a} onDone={done} />
          ) : (
            <div className="space-y-3">
              {a.can_cancel ? (
                <p className="text-sm text-slate-700">{t('portalAppointments.changeUntil', { deadline })}</p>
              ) : (
                <Alert tone="info">
                  {t('portalAppointments.changeTooLate', { deadline, name: branding.name })}
                </Alert>
              )}
              <div className="flex flex-wrap gap-2">
                {a.can_reschedule && (
                  <Button variant="secondary" onClick={() => setPanel('reschedule')}>
                    {t('portalAppointments.moveButton')}
                  </Button>
                )}
                {a.can_cancel && (
                  <Button variant="secondary" onClick={() => setPanel('cancel')}>
                    {t('portalAppointments.cancelButton')}
                  </Button>
                )}
              </div>
            </div>
          )}
        </Card>
      )}

      {a.review ? (
        <Card title={t('portalAppointments.yourReview')}>
          <p>
            <Stars rating={a.review.rating} />{' '}
            <span className="ml-2 text-sm text-slate-600">{reviewStatus(a.review.status)}</span>
          </p>
          {a.review.text && <p className="mt-2 whitespace-pre-line text-slate-800">{a.review.text}</p>}
        </Card>
      ) : (
        a.can_review && (
          <Card title={t('portalAppointments.howWasIt')}>
            <ReviewForm appointmentId={a.id} businessName={branding.name} onDone={done} />
          </Card>
        )
      )}

      <Card title={t('portalAppointments.history')}>
        {a.history.length === 0 ? (
          <p className="text-sm text-slate-600">{t('portalAppointments.historyEmpty')}</p>
        ) : (
          <ol className="space-y-3">
            {a.history.map((h, i) => (
              <li key={i} className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
                <span className="shrink-0 text-sm text-slate-600 sm:w-44">{times.dateTime(h.at)}</span>
                <span className="text-slate-900">{h.text}</span>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}
