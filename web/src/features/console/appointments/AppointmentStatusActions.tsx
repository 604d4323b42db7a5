import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, ConfirmButton, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import {
  appointmentKeys,
  changeAppointmentStatus,
  useAppointmentSaved,
  type Appointment,
  type AppointmentStatus,
} from './api';
import { AppointmentStatusBadge } from './AppointmentStatusBadge';
import { formatWhen, type Zone } from './zoned';

/** What the toast says once the status changed. */
const DONE = {
  pending: 'consoleAppointments.done.pending',
  confirmed: 'consoleAppointments.done.confirmed',
  completed: 'consoleAppointments.done.completed',
  cancelled: 'consoleAppointments.done.cancelled',
  no_show: 'consoleAppointments.done.noShow',
} as const satisfies Record<AppointmentStatus, string>;

/** Where the appointment stands, and the moves it can make from there. */
export function AppointmentStatusActions({ appointment: a, zone }: { appointment: Appointment; zone: Zone }) {
  const t = useT();
  const toast = useToast();
  const saved = useAppointmentSaved();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const change = useMutation({
    mutationFn: (body: { status: AppointmentStatus; reason?: string }) => changeAppointmentStatus(a.id, body),
    onSuccess: (updated) => {
      saved(updated);
      toast(t(DONE[updated.status], { client: updated.client_name, when: formatWhen(updated, zone) }));
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
        {t('consoleAppointments.confirm')}
      </Button>
    );
  } else if (a.status === 'confirmed') {
    actions = (
      <>
        <ConfirmButton
          label={t('consoleAppointments.markCompleted')}
          tone="primary"
          openerVariant="primary"
          question={t('consoleAppointments.markCompletedQuestion', { client: a.client_name })}
          confirmLabel={t('consoleAppointments.markCompletedConfirm')}
          busy={busy}
          onConfirm={() => change.mutateAsync({ status: 'completed' })}
        />
        <ConfirmButton
          label={t('consoleAppointments.noShow')}
          tone="primary"
          question={t('consoleAppointments.noShowQuestion', { client: a.client_name })}
          confirmLabel={t('consoleAppointments.noShowConfirm')}
          busy={busy}
          onConfirm={() => change.mutateAsync({ status: 'no_show' })}
        />
      </>
    );
  }
  const cancelQuestion = (
    <>
      {t('consoleAppointments.cancelQuestion', { client: a.client_name, when: formatWhen(a, zone) })}
      <label className="mt-3 block font-medium">
        {t('consoleAppointments.cancelReason')}
        <input
          type="text"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-normal"
        />
      </label>
    </>
  );
  return (
    <Card title={t('consoleAppointments.statusLabel')}>
      <div className="mb-4 flex items-center gap-2 text-sm text-slate-700">
        {t('consoleAppointments.now')} <AppointmentStatusBadge status={a.status} />
      </div>
      {a.status === 'pending' || a.status === 'confirmed' ? (
        <div className="flex flex-col items-stretch gap-2">
          {actions}
          <ConfirmButton
            label={t('consoleAppointments.cancelAppointment')}
            question={cancelQuestion}
            confirmLabel={t('consoleAppointments.cancelAppointment')}
            busy={busy}
            onConfirm={() => change.mutateAsync({ status: 'cancelled', reason: reason.trim() || undefined })}
          />
        </div>
      ) : (
        <p className="text-sm text-slate-600">
          {a.status === 'completed'
            ? t('consoleAppointments.closedCompleted')
            : a.status === 'no_show'
              ? t('consoleAppointments.closedNoShow')
              : t('consoleAppointments.closedCancelled')}
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
