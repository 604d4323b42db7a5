import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import {
  Alert,
  Button,
  Card,
  ConfirmButton,
  ErrorState,
  Loading,
  TextField,
  useToast,
} from '@/components/ui';
import {
  appointmentKeys,
  changeAppointmentStatus,
  updateAppointment,
  useAppointment,
  useAppointmentSaved,
  useStaffList,
  useTenant,
  type Appointment,
  type AppointmentStatus,
  type UpdateAppointment,
} from './api';
import { AppointmentStatusBadge } from './AppointmentStatusBadge';
import { FreeTimes } from './FreeTimes';
import { labelClass, select } from '@/components/styles';
import { formatDay, formatTime, zonedDate, zonedTime, zonedToUtc } from './zoned';
import { MarkdownView } from '@/components/Markdown';

interface Zone {
  timeZone: string;
  locale: string;
}

export function AppointmentDetailPage() {
  const { id = '' } = useParams();
  const appointment = useAppointment(id);
  const tenant = useTenant();
  return (
    <div>
      <Link
        to="/app/appointments"
        className="mb-4 inline-block text-sm font-medium text-slate-700 hover:underline"
      >
        ← All appointments
      </Link>
      {appointment.isPending || tenant.isPending ? (
        <Loading label="Loading the appointment…" />
      ) : appointment.isError || tenant.isError ? (
        <ErrorState
          title="This appointment could not be loaded"
          message={messageOf(appointment.error ?? tenant.error)}
          onRetry={() => {
            void appointment.refetch();
            void tenant.refetch();
          }}
        />
      ) : (
        <AppointmentDetail
          appointment={appointment.data}
          zone={{ timeZone: tenant.data.timezone, locale: tenant.data.locale }}
        />
      )}
    </div>
  );
}

function when(a: Pick<Appointment, 'starts_at' | 'ends_at'>, { timeZone, locale }: Zone): string {
  return `${formatDay(zonedDate(a.starts_at, timeZone), locale)}, ${formatTime(a.starts_at, locale, timeZone)} – ${formatTime(a.ends_at, locale, timeZone)}`;
}

function AppointmentDetail({ appointment: a, zone }: { appointment: Appointment; zone: Zone }) {
  const open = a.status === 'pending' || a.status === 'confirmed';
  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">
              {a.service_name} with {a.client_name}
            </h1>
            <AppointmentStatusBadge status={a.status} />
          </div>
          <p className="mt-1 text-slate-600">{when(a, zone)}</p>
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Details">
            <dl className="grid gap-4 text-sm sm:grid-cols-2">
              <Item label="Client">
                <Link to={`/app/clients/${a.client_id}`} className="underline underline-offset-2">
                  {a.client_name}
                </Link>
              </Item>
              <Item label="Service">{a.service_name}</Item>
              <Item label="When">{when(a, zone)}</Item>
              <Item label="Staff member">{a.staff_name ?? 'Not assigned'}</Item>
              <Item label="Location">{a.location || 'Your usual address'}</Item>
              {a.status === 'cancelled' && (
                <Item label="Cancelled">
                  {a.cancelled_by === 'client'
                    ? 'By the client'
                    : a.cancelled_by === 'staff'
                      ? 'By your team'
                      : 'Yes'}
                  {a.cancel_reason ? `: “${a.cancel_reason}”` : ''}
                </Item>
              )}
            </dl>
            <div className="mt-4 border-t border-slate-100 pt-4">
              <p className="text-sm text-slate-600">Internal notes (only your team sees these)</p>
              {a.notes ? (
                <MarkdownView text={a.notes} className="mt-1 text-slate-900" />
              ) : (
                <p className="mt-1 text-slate-600">No notes.</p>
              )}
            </div>
          </Card>
          {open && <Reschedule key={a.updated_at} appointment={a} zone={zone} />}
        </div>
        <div>
          <StatusActions appointment={a} zone={zone} />
        </div>
      </div>
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="mt-0.5 font-medium text-slate-900">{children}</dd>
    </div>
  );
}

const DONE: Record<AppointmentStatus, string> = {
  pending: 'Appointment set to pending',
  confirmed: 'Appointment confirmed',
  completed: 'Appointment marked completed',
  cancelled: 'Appointment cancelled',
  no_show: 'Appointment marked as a no-show',
};

function StatusActions({ appointment: a, zone }: { appointment: Appointment; zone: Zone }) {
  const toast = useToast();
  const saved = useAppointmentSaved();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const change = useMutation({
    mutationFn: (body: { status: AppointmentStatus; reason?: string }) => changeAppointmentStatus(a.id, body),
    onSuccess: (updated) => {
      saved(updated);
      toast(`${DONE[updated.status]} — ${updated.client_name}, ${when(updated, zone)}`);
    },
    // Someone else may have moved it meanwhile: show where it stands now.
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: appointmentKeys.detail(a.id) });
      }
    },
  });
  const busy = change.isPending;

  let actions: ReactNode;
  if (a.status === 'pending') {
    actions = (
      <Button
        busy={busy && change.variables?.status === 'confirmed'}
        disabled={busy}
        onClick={() => change.mutate({ status: 'confirmed' })}
      >
        Confirm
      </Button>
    );
  } else if (a.status === 'confirmed') {
    actions = (
      <>
        <ConfirmButton
          label="Mark completed"
          tone="primary"
          openerVariant="primary"
          question={`Mark this appointment as completed? It cannot be undone, and ${a.client_name} is asked to review it.`}
          confirmLabel="Yes, it took place"
          busy={busy}
          onConfirm={() => change.mutateAsync({ status: 'completed' })}
        />
        <ConfirmButton
          label="No-show"
          tone="primary"
          question={`Mark this as a no-show? Use it when ${a.client_name} did not come.`}
          confirmLabel="Mark as no-show"
          busy={busy}
          onConfirm={() => change.mutateAsync({ status: 'no_show' })}
        />
      </>
    );
  }
  return (
    <Card title="Status">
      <div className="mb-4 flex items-center gap-2 text-sm text-slate-700">
        Now: <AppointmentStatusBadge status={a.status} />
      </div>
      {a.status === 'pending' || a.status === 'confirmed' ? (
        <div className="flex flex-col items-stretch gap-2">
          {actions}
          <ConfirmButton
            label="Cancel appointment"
            question={
              <>
                Cancel {a.client_name}’s appointment on {when(a, zone)}? The time becomes free again.
                <label className="mt-3 block font-medium">
                  Reason (optional, shown to the client)
                  <input
                    type="text"
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-normal"
                  />
                </label>
              </>
            }
            confirmLabel="Cancel appointment"
            busy={busy}
            onConfirm={() => change.mutateAsync({ status: 'cancelled', reason: reason.trim() || undefined })}
          />
        </div>
      ) : (
        <p className="text-sm text-slate-600">
          {a.status === 'completed'
            ? 'This appointment took place. Nothing more to do.'
            : a.status === 'no_show'
              ? 'The client did not come. The appointment can no longer change.'
              : 'This appointment was cancelled. Book a new one if the client wants another time.'}
        </p>
      )}
      {change.isError && (
        <div className="mt-3">
          <Alert tone="error">{messageOf(change.error)}</Alert>
        </div>
      )}
    </Card>
  );
}

function Reschedule({ appointment: a, zone }: { appointment: Appointment; zone: Zone }) {
  const toast = useToast();
  const saved = useAppointmentSaved();
  const staff = useStaffList();
  const staffId = useId();
  const initial = {
    date: zonedDate(a.starts_at, zone.timeZone),
    time: zonedTime(a.starts_at, zone.timeZone),
    staffId: a.staff_id ?? '',
  };
  const [draft, setDraft] = useState(initial);
  const save = useMutation({
    mutationFn: (body: UpdateAppointment) => updateAppointment(a.id, body),
    onSuccess: (updated) => {
      saved(updated);
      toast(`Appointment updated — ${updated.client_name}, ${when(updated, zone)}`);
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const changed = {
    time: draft.date !== initial.date || draft.time !== initial.time,
    staff: draft.staffId !== initial.staffId,
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.date || !draft.time) return;
    const body: UpdateAppointment = {};
    if (changed.time) body.starts_at = zonedToUtc(draft.date, draft.time, zone.timeZone).toISOString();
    if (changed.staff) body.staff_id = draft.staffId || null;
    save.mutate(body);
  };

  return (
    <Card title="Change time or staff">
      <form onSubmit={submit} noValidate className="space-y-5">
        {save.isError && <Alert tone="error">{messageOf(save.error)}</Alert>}
        <div className="grid gap-5 sm:grid-cols-3">
          <TextField
            label="Date"
            type="date"
            value={draft.date}
            error={problem?.fieldError('starts_at')}
            onChange={(e) => setDraft((d) => ({ ...d, date: e.target.value }))}
          />
          <TextField
            label="Start time"
            type="time"
            value={draft.time}
            hint={`In ${zone.timeZone} time.`}
            onChange={(e) => setDraft((d) => ({ ...d, time: e.target.value }))}
          />
          <div className="space-y-1.5">
            <label htmlFor={staffId} className={labelClass}>
              Staff member
            </label>
            <select
              id={staffId}
              value={draft.staffId}
              onChange={(e) => setDraft((d) => ({ ...d, staffId: e.target.value }))}
              className={select}
            >
              <option value="">Not assigned</option>
              {staff.data?.items.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            {problem?.fieldError('staff_id') && (
              <p className="text-sm font-medium text-red-700">{problem.fieldError('staff_id')}</p>
            )}
          </div>
        </div>
        <FreeTimes
          appointmentId={a.id}
          startDate={initial.date}
          zone={zone}
          chosen={
            draft.time && draft.date ? zonedToUtc(draft.date, draft.time, zone.timeZone).toISOString() : ''
          }
          onPick={(startsAt) =>
            setDraft((d) => ({
              ...d,
              date: zonedDate(startsAt, zone.timeZone),
              time: zonedTime(startsAt, zone.timeZone),
            }))
          }
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" busy={save.isPending} disabled={!changed.time && !changed.staff}>
            Save changes
          </Button>
          {(changed.time || changed.staff) && (
            <Button variant="ghost" onClick={() => setDraft(initial)}>
              Undo changes
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}
