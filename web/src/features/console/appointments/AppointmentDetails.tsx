import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { MarkdownView } from '@/components/Markdown';
import { Card } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import type { Appointment } from './api';
import { formatWhen, type Zone } from './zoned';

/** The appointment's facts and its internal notes. */
export function AppointmentDetails({ appointment: a, zone }: { appointment: Appointment; zone: Zone }) {
  const t = useT();
  const cancelledBy =
    a.cancelled_by === 'client'
      ? t('consoleAppointments.cancelledByClient')
      : a.cancelled_by === 'staff'
        ? t('consoleAppointments.cancelledByTeam')
        : t('consoleAppointments.cancelledYes');
  return (
    <Card title={t('consoleAppointments.details')}>
      <dl className="grid gap-4 text-sm sm:grid-cols-2">
        <Item label={t('consoleAppointments.client')}>
          <Link to={`/app/clients/${a.client_id}`} className="underline underline-offset-2">
            {a.client_name}
          </Link>
        </Item>
        <Item label={t('consoleAppointments.service')}>{a.service_name}</Item>
        <Item label={t('consoleAppointments.whenLabel')}>{formatWhen(a, zone)}</Item>
        <Item label={t('consoleAppointments.staffMember')}>
          {a.staff_name ?? t('consoleAppointments.notAssigned')}
        </Item>
        <Item label={t('consoleAppointments.location')}>
          {a.location || t('consoleAppointments.usualAddress')}
        </Item>
        {a.status === 'cancelled' && (
          <Item label={t('consoleAppointments.cancelled')}>
            {a.cancel_reason
              ? t('consoleAppointments.cancelledWithReason', { by: cancelledBy, reason: a.cancel_reason })
              : cancelledBy}
          </Item>
        )}
      </dl>
      <div className="mt-4 border-t border-slate-100 pt-4">
        <p className="text-sm text-slate-600">{t('consoleAppointments.notesLabel')}</p>
        {a.notes ? (
          <MarkdownView text={a.notes} className="mt-1 text-slate-900" />
        ) : (
          <p className="mt-1 text-slate-600">{t('consoleAppointments.noNotes')}</p>
        )}
      </div>
    </Card>
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
