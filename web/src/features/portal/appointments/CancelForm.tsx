import { useState } from 'react';
import { messageOf } from '@/api/problem';
import { Alert, Button, TextArea, useToast } from '@/components/ui';
import { cancelAppointment, type PortalAppointment } from './api';

export function CancelForm({ appointment, onDone }: { appointment: PortalAppointment; onDone: () => void }) {
  const toast = useToast();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      await cancelAppointment(appointment.id, reason.trim() || null);
      toast('Appointment cancelled — we have emailed you a confirmation');
      onDone();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-4">
      {error && <Alert tone="error">{error}</Alert>}
      <TextArea
        label="Reason (optional)"
        hint="Helps the business plan. Up to 500 characters."
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" busy={busy} onClick={() => void cancel()}>
          Yes, cancel this appointment
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Keep it
        </Button>
      </div>
    </div>
  );
}
