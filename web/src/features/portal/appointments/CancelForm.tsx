import { useState } from 'react';
import { messageOf } from '@/api/problem';
import { Alert, Button, TextArea, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { cancelAppointment, type PortalAppointment } from './api';

export function CancelForm({ appointment, onDone }: { appointment: PortalAppointment; onDone: () => void }) {
  const t = useT();
  const toast = useToast();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      await cancelAppointment(appointment.id, reason.trim() || null);
      toast(t('portalAppointments.cancelDone'));
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
        label={t('portalAppointments.cancelReason')}
        hint={t('portalAppointments.cancelReasonHint')}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" busy={busy} onClick={() => void cancel()}>
          {t('portalAppointments.cancelConfirm')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('portalAppointments.cancelKeep')}
        </Button>
      </div>
    </div>
  );
}
