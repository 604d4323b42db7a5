import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, TextArea, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal } from '@/lib/portal';
import { parts, sendFeedback, useFeedback, type PortalProjectDetail, type ProjectFeedback } from './api';
import { useReadOnly } from './readOnly';

function Stars({ rating }: { rating: number }) {
  const t = useT();
  return (
    <span
      role="img"
      aria-label={t('portalProjects.feedback.stars', { rating })}
      className="text-2xl text-amber-500"
    >
      {'★'.repeat(rating)}
      <span className="text-slate-300">{'★'.repeat(5 - rating)}</span>
    </span>
  );
}

/**
 * On a completed project whose feedback the team asked for: a rating form, answered once;
 * then a thank-you with the rating given. Nothing when feedback was never asked for.
 */
export function FeedbackCard({ project }: { project: PortalProjectDetail }) {
  const t = useT();
  const { slug } = usePortal();
  const feedback = useFeedback(slug, project.id, project.status === 'completed');
  if (!feedback.data) return null;
  const f = feedback.data;
  if (f.rating != null) {
    return (
      <Card title={t('portalProjects.feedback.yourRating')}>
        <p className="text-slate-800">{t('portalProjects.feedback.thanks')}</p>
        <div className="mt-1">
          <Stars rating={f.rating} />
        </div>
        {f.comment && <p className="mt-2 whitespace-pre-line text-slate-700">{f.comment}</p>}
      </Card>
    );
  }
  return <FeedbackForm project={project} />;
}

function FeedbackForm({ project }: { project: PortalProjectDetail }) {
  const t = useT();
  const { slug, branding } = usePortal();
  const readOnly = useReadOnly();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<ApiProblem | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (rating < 1) {
      setError(t('portalProjects.feedback.ratingRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    setRefused(null);
    try {
      const answer = await sendFeedback(project.id, rating, comment.trim() || null);
      queryClient.setQueryData<ProjectFeedback>(parts.feedback(slug, project.id), answer);
      toast(t('portalProjects.feedback.sent', { rating, business: branding.name }));
    } catch (err) {
      setError(messageOf(err, ['rating', 'comment']));
      if (err instanceof ApiProblem) setRefused(err);
      // Answered already (another tab): show the answer that counts.
      if (err instanceof ApiProblem && err.status === 409) {
        void queryClient.invalidateQueries({ queryKey: parts.feedback(slug, project.id) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('portalProjects.feedback.title')}>
      <form className="space-y-4" onSubmit={(e) => void submit(e)}>
        <p className="text-slate-700">
          {t('portalProjects.feedback.intro', { business: branding.name, project: project.name })}
        </p>
        {readOnly && <Alert tone="warning">{t('portalProjects.feedback.clientOnly')}</Alert>}
        {error && <Alert tone="error">{error}</Alert>}
        <fieldset disabled={readOnly}>
          <legend className="mb-2 text-sm font-medium text-slate-800">
            {t('portalProjects.feedback.yourRating')}
          </legend>
          <div className="flex gap-1">
            {[1, 2, 3, 4, 5].map((n) => (
              <label
                key={n}
                className="cursor-pointer rounded p-1 text-3xl leading-none has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2"
              >
                <input
                  type="radio"
                  name="rating"
                  value={n}
                  className="sr-only"
                  checked={rating === n}
                  onChange={() => setRating(n)}
                  aria-label={t('portalProjects.feedback.star', { count: n })}
                />
                <span aria-hidden className={n <= rating ? 'text-amber-500' : 'text-slate-300'}>
                  ★
                </span>
              </label>
            ))}
          </div>
          {refused?.fieldError('rating') && (
            <p className="mt-1 text-sm font-medium text-red-700">{refused.fieldError('rating')}</p>
          )}
        </fieldset>
        <TextArea
          label={t('portalProjects.feedback.comment')}
          error={refused?.fieldError('comment')}
          maxLength={5000}
          disabled={readOnly}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <Button type="submit" busy={busy} disabled={readOnly}>
          {t('portalProjects.feedback.send')}
        </Button>
      </form>
    </Card>
  );
}
