import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call } from '@/api/client';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, TextField } from '@/components/ui';
import { useT, type Translate } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { formatSeconds } from '@/lib/useCountdown';
import type { PortalMe } from './api';

type Step =
  | { name: 'show'; changedTo?: string }
  | { name: 'address' }
  | { name: 'code'; email: string; expiresAt: string };

const startChange = (email: string) => call(api.POST('/api/v1/portal/me/email', { body: { email } }));

const confirmChange = (email: string, code: string) =>
  call(api.POST('/api/v1/portal/me/email/confirm', { body: { email, code } }));

/** A problem in words; a 429 also says when to try again. */
function problemText(t: Translate, e: unknown): string {
  if (e instanceof ApiProblem && e.status === 429 && e.retryAfter) {
    return t('login.tooMany', { problem: e.message, time: formatSeconds(e.retryAfter) });
  }
  return messageOf(e);
}

/**
 * The client's login email, and changing it themselves: a code goes to the new address, and
 * nothing changes until it comes back, so a typo cannot lock them out.
 */
export function LoginEmail({ me, readOnly }: { me: PortalMe; readOnly: boolean }) {
  const t = useT();
  const { slug } = usePortal();
  const format = usePortalFormat();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ name: 'show' });
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');

  const start = useMutation({
    mutationFn: () => startChange(address.trim()),
    onSuccess: (started) => {
      setCode('');
      setStep({ name: 'code', email: started.email, expiresAt: started.expires_at });
    },
  });
  const confirm = useMutation({
    mutationFn: (email: string) => confirmChange(email, code.trim()),
    onSuccess: (updated) => {
      queryClient.setQueryData(['portal', slug, 'me'], updated);
      // Which accounts share the login email has changed with it.
      void queryClient.invalidateQueries({ queryKey: ['portal', slug, 'accounts'] });
      setStep({ name: 'show', changedTo: updated.email });
    },
  });

  const cancel = () => {
    start.reset();
    confirm.reset();
    setStep({ name: 'show' });
  };

  if (step.name === 'address') {
    const problem = start.error instanceof ApiProblem ? start.error : null;
    const fieldError =
      problem?.fieldError('email') ?? (problem?.status === 422 ? problem.message : undefined);
    const submit = (e: FormEvent) => {
      e.preventDefault();
      if (address.trim()) start.mutate();
    };
    return (
      <form className="space-y-4" onSubmit={submit} noValidate>
        {start.isError && !fieldError && <Alert tone="error">{problemText(t, start.error)}</Alert>}
        <TextField
          label={t('portalMe.changeEmail.newLabel')}
          name="new_email"
          type="email"
          autoComplete="email"
          inputMode="email"
          autoFocus
          required
          value={address}
          error={fieldError}
          hint={t('portalMe.changeEmail.newHint')}
          onChange={(e) => setAddress(e.target.value)}
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={start.isPending} disabled={!address.trim()}>
            {t('portalMe.changeEmail.send')}
          </Button>
          <Button variant="ghost" onClick={cancel} disabled={start.isPending}>
            {t('portalMe.changeEmail.cancel')}
          </Button>
        </div>
      </form>
    );
  }

  if (step.name === 'code') {
    const problem = confirm.error instanceof ApiProblem ? confirm.error : null;
    const fieldError = problem?.fieldError('code');
    const submit = (e: FormEvent) => {
      e.preventDefault();
      if (code.trim()) confirm.mutate(step.email);
    };
    return (
      <form className="space-y-4" onSubmit={submit} noValidate>
        {confirm.isError && !fieldError && <Alert tone="error">{problemText(t, confirm.error)}</Alert>}
        <TextField
          label={t('portalMe.changeEmail.codeLabel', { email: step.email })}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          required
          value={code}
          error={fieldError}
          hint={t('portalMe.changeEmail.codeHint', { time: format.dateTime(step.expiresAt) })}
          onChange={(e) => setCode(e.target.value)}
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={confirm.isPending} disabled={!code.trim()}>
            {t('portalMe.changeEmail.confirm')}
          </Button>
          <Button variant="ghost" onClick={cancel} disabled={confirm.isPending}>
            {t('portalMe.changeEmail.cancel')}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="space-y-3">
      {step.changedTo && (
        <Alert tone="success">{t('portalMe.changeEmail.done', { email: step.changedTo })}</Alert>
      )}
      <TextField
        label={t('portalMe.email')}
        value={me.email}
        hint={t('portalMe.emailHint')}
        disabled
        readOnly
      />
      {!readOnly && (
        <Button
          variant="secondary"
          onClick={() => {
            start.reset();
            setAddress('');
            setStep({ name: 'address' });
          }}
        >
          {t('portalMe.changeEmail.open')}
        </Button>
      )}
    </div>
  );
}
