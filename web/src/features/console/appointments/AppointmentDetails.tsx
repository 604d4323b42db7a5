import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { MarkdownView } from '@/components/Markdown';
import { Card } from '@/components/ui';
import type { Appointment } from './api';
import { formatWhen, type Zone } from './zoned';

/** The appointment's facts and its internal notes. */
export function AppointmentDetails({ appointment: a, zone }: { appointment: Appointment; zone: Zone }) {
  return (
    <Card title="Details">
      <dl className="grid gap-4 text-sm sm:grid-cols-2">
        <Item label="Client">
          <Link to={`/app/clients/${a.client_id}`} className="underline underline-offset-2">
            {a.client_name}
          </Link>
        </Item>
        <Item label="Service">{a.service_name}</Item>
        <Item label="When">{formatWhen(a, zone)}</Item>
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
