import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, ConfirmButton, useToast } from '@/components/ui';
import {
  appointmentKeys,
  changeAppointmentStatus,
  useAppointmentSaved,
  type Appointment,
  type AppointmentStatus,
} from './api';
import { AppointmentStatusBadge } from './AppointmentStatusBadge';
import { formatWhen, type Zone } from './zoned';

const DONE: Record<AppointmentStatus, string> = {
  pending: 'Appointment set to pending',
  confirmed: 'Appointment confirmed',
  completed: 'Appointment marked completed',
  cancelled: 'Appointment cancelled',
  no_show: 'Appointment marked as a no-show',
};

/** Where the appointment stands, and the moves it can make from there. */
export function AppointmentStatusActions({ appointment: a, zone }: { appointment: Appointment; zone: Zone }) {
  const toast = useToast();
  const saved = useAppointmentSaved();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const change = useMutation({
    mutationFn: (body: { status: AppointmentStatus; reason?: string }) => changeAppointmentStatus(a.id, body),
    onSuccess: (updated) => {
      saved(updated);
      toast(`${DONE[updated.status]} — ${updated.client_name}, ${formatWhen(updated, zone)}`);
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
                Cancel {a.client_name}’s appointment on {formatWhen(a, zone)}? The time becomes free again.
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
