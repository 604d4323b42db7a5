import { useState, type FormEvent } from 'react';
import { messageOf } from '@/api/problem';
import { Alert, Button, TextArea, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { reviewAppointment } from './api';

export function ReviewForm({
  appointmentId,
  businessName,
  onDone,
}: {
  appointmentId: string;
  businessName: string;
  onDone: () => void;
}) {
  const t = useT();
  const toast = useToast();
  const [rating, setRating] = useState(0);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (rating < 1) {
      setError(t('portalAppointments.reviewPickRating'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await reviewAppointment(appointmentId, rating, text.trim() || null);
      toast(t('portalAppointments.reviewThanks', { name: businessName }));
      onDone();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="space-y-4" onSubmit={(e) => void submit(e)}>
      {error && <Alert tone="error">{error}</Alert>}
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">
          {t('portalAppointments.reviewRating')}
        </legend>
        <div className="flex gap-1">
          {[1, 2, 3, 4, 5].map((n) => (
            <label
              key={n}
              className="cursor-pointer rounded text-3xl leading-none has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2"
            >
              <input
                type="radio"
                name="rating"
                value={n}
                className="sr-only"
                checked={rating === n}
                onChange={() => setRating(n)}
                aria-label={t('portalAppointments.reviewStarCount', { count: n })}
              />
              <span aria-hidden className={n <= rating ? 'text-amber-500' : 'text-slate-300'}>
                ★
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextArea
        label={t('portalAppointments.reviewText')}
        hint={t('portalAppointments.reviewTextHint')}
        maxLength={2000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <Button type="submit" busy={busy}>
        {t('portalAppointments.reviewSend')}
      </Button>
    </form>
  );
}
