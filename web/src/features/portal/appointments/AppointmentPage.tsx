import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, ErrorState, Loading } from '@/components/ui';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { useAppointmentChanged, usePortalAppointment, type PortalAppointmentDetail } from './api';
import { CancelForm } from './CancelForm';
import { ReschedulePicker } from './ReschedulePicker';
import { Stars } from './review';
import { reviewStatus } from './reviewStatus';
import { ReviewForm } from './ReviewForm';
import { AppointmentStatus } from './status';

type Panel = 'none' | 'cancel' | 'reschedule';

export function AppointmentPage() {
  const { id = '' } = useParams();
  const { slug, base } = usePortal();
  const appointment = usePortalAppointment(slug, id);
  if (appointment.isPending) return <Loading label="Loading the appointment…" />;
  if (appointment.isError) {
    const missing = appointment.error instanceof ApiProblem && appointment.error.status === 404;
    return (
      <div className="max-w-2xl space-y-4">
        <ErrorState
          title={missing ? 'Appointment not found' : 'This could not be loaded'}
          message={messageOf(appointment.error)}
          onRetry={missing ? undefined : () => void appointment.refetch()}
        />
        <Link to={`${base}/appointments`} className="font-medium text-brand-ink underline">
          All appointments
        </Link>
      </div>
    );
  }
  return <Detail appointment={appointment.data} />;
}

function Detail({ appointment: a }: { appointment: PortalAppointmentDetail }) {
  const { slug, base, branding } = usePortal();
  const format = usePortalFormat();
  const queryClient = useQueryClient();
  const changed = useAppointmentChanged(slug);
  const [panel, setPanel] = useState<Panel>('none');
  const start = format.parts(a.starts_at);
  const end = format.parts(a.ends_at);
  const open = a.status === 'pending' || a.status === 'confirmed';
  const deadline = format.dateTime(a.cancel_deadline);

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
          ← All appointments
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{a.service_name}</h1>
          <AppointmentStatus status={a.status} />
        </div>
      </div>

      <Card>
        <dl className="grid gap-4 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-600">Date</dt>
            <dd className="font-medium text-slate-900">{start.day}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Time ({branding.timezone})</dt>
            <dd className="font-medium text-slate-900">
              {start.time}–{end.time} · {a.duration_minutes} min
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">With</dt>
            <dd className="font-medium text-slate-900">{a.staff_name ?? branding.name}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Where</dt>
            <dd className="font-medium text-slate-900">{a.location ?? 'To be confirmed'}</dd>
          </div>
          {a.cancel_reason && (
            <div className="sm:col-span-2">
              <dt className="text-sm text-slate-600">Reason for cancelling</dt>
              <dd className="text-slate-900">{a.cancel_reason}</dd>
            </div>
          )}
        </dl>
      </Card>

      {open && (
        <Card title="Change of plans?">
          {panel === 'reschedule' ? (
            <ReschedulePicker appointment={a} onDone={done} />
          ) : panel === 'cancel' ? (
            <CancelForm appointment={a} onDone={done} />
          ) : (
            <div className="space-y-3">
              {a.can_cancel ? (
                <p className="text-sm text-slate-700">
                  You can move or cancel this appointment until {deadline}.
                </p>
              ) : (
                <Alert tone="info">
                  It is too late to change this appointment online: changes are possible until {deadline}.
                  Please contact {branding.name}.
                </Alert>
              )}
              <div className="flex flex-wrap gap-2">
                {a.can_reschedule && (
                  <Button variant="secondary" onClick={() => setPanel('reschedule')}>
                    Move to another time
                  </Button>
                )}
                {a.can_cancel && (
                  <Button variant="secondary" onClick={() => setPanel('cancel')}>
                    Cancel appointment
                  </Button>
                )}
              </div>
            </div>
          )}
        </Card>
      )}

      {a.review ? (
        <Card title="Your review">
          <p>
            <Stars rating={a.review.rating} />{' '}
            <span className="ml-2 text-sm text-slate-600">
              {reviewStatus[a.review.status] ?? a.review.status}
            </span>
          </p>
          {a.review.text && <p className="mt-2 whitespace-pre-line text-slate-800">{a.review.text}</p>}
        </Card>
      ) : (
        a.can_review && (
          <Card title="How was it?">
            <ReviewForm appointmentId={a.id} businessName={branding.name} onDone={done} />
          </Card>
        )
      )}

      <Card title="History">
        {a.history.length === 0 ? (
          <p className="text-sm text-slate-600">No changes yet.</p>
        ) : (
          <ol className="space-y-3">
            {a.history.map((h, i) => (
              <li key={i} className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
                <span className="shrink-0 text-sm text-slate-600 sm:w-44">{format.dateTime(h.at)}</span>
                <span className="text-slate-900">{h.text}</span>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}
