import { useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, TextArea } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';

/** A comment and a button; `required` is the message shown when it is sent empty. */
export function CommentForm({
  label,
  hint,
  required,
  submitLabel,
  danger,
  onCancel,
  onSubmit,
  onConflict,
}: {
  label: string;
  hint: string;
  required?: string;
  submitLabel: string;
  danger?: boolean;
  onCancel: () => void;
  onSubmit: (comment: string | null) => Promise<void>;
  onConflict: (err: unknown) => boolean;
}) {
  const t = useT();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = comment.trim();
    if (required && !text) {
      setFieldError(required);
      return;
    }
    setBusy(true);
    setFieldError(undefined);
    setError(null);
    try {
      await onSubmit(text || null);
    } catch (err) {
      if (onConflict(err)) return;
      const field = err instanceof ApiProblem ? err.fieldError('comment') : undefined;
      if (field) setFieldError(field);
      else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="space-y-3" onSubmit={(e) => void submit(e)} noValidate>
      {error && <Alert tone="error">{error}</Alert>}
      <TextArea
        label={label}
        hint={hint}
        required={Boolean(required)}
        autoFocus
        maxLength={2000}
        value={comment}
        error={fieldError}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" variant={danger ? 'danger' : 'primary'} busy={busy}>
          {submitLabel}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('portalBillingQuotes.cancel')}
        </Button>
      </div>
    </form>
  );
}
