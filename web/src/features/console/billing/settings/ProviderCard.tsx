import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Badge, Button, Card, ConfirmButton, TextField, useToast } from '@/components/ui';
import {
  removePaymentProvider,
  setPaymentProvider,
  togglePaymentProvider,
  useSaved,
  type PaymentProviderInfo,
  type SetPaymentProvider,
} from '../api';
import { useT } from '@/lib/i18n/hooks';
import { Rich } from '@/lib/i18n/Rich';

/** Brand names, the same in every language. */
const names: Record<string, string> = { stripe: 'Stripe', paystack: 'Paystack' };
/** What the providers' keys look like (samples, not text). */
const SECRET_SAMPLE = 'sk_live_…';
const WEBHOOK_SECRET_SAMPLE = 'whsec_…';

/**
 * One payment provider: whether it is set up and offered, the webhook address to give it, and
 * its keys. Keys are write-only: the page sends them and forgets them; the server keeps them
 * encrypted and only ever answers with their last four characters.
 */
export function ProviderCard({ provider: p }: { provider: PaymentProviderInfo }) {
  const t = useT();
  const toast = useToast();
  const saved = useSaved();
  const ids = useId();
  const name = names[p.provider] ?? p.provider;
  const configured = p.key_hint != null;
  const stripe = p.provider === 'stripe';
  const [secret, setSecret] = useState('');
  const [webhookSecret, setWebhookSecret] = useState('');
  const [enabled, setEnabled] = useState(configured ? p.enabled : true);
  const [missing, setMissing] = useState<{ secret?: string; webhook?: string }>({});

  const save = useMutation({
    mutationFn: (body: SetPaymentProvider) => setPaymentProvider(p.provider, body),
    onSuccess: (info) => {
      setSecret('');
      setWebhookSecret('');
      void saved.refetchSettings();
      toast(
        info.enabled
          ? t('consoleBillingSettings.provider.savedOnToast', { name })
          : t('consoleBillingSettings.provider.savedOffToast', { name }),
      );
    },
  });
  const toggle = useMutation({
    mutationFn: (on: boolean) => togglePaymentProvider(p.provider, on),
    onSuccess: (info) => {
      setEnabled(info.enabled);
      void saved.refetchSettings();
      toast(
        info.enabled
          ? t('consoleBillingSettings.provider.onToast', { name })
          : t('consoleBillingSettings.provider.offToast', { name }),
      );
    },
  });
  const remove = useMutation({
    mutationFn: () => removePaymentProvider(p.provider),
    onSuccess: () => {
      void saved.refetchSettings();
      toast(t('consoleBillingSettings.provider.removedToast', { name }));
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const named = problem?.fieldError('secret_key') ?? problem?.fieldError('webhook_secret');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = {
      secret: secret.trim() ? undefined : t('consoleBillingSettings.provider.secretMissing', { name }),
      webhook:
        stripe && !webhookSecret.trim()
          ? t('consoleBillingSettings.provider.webhookSecretMissing')
          : undefined,
    };
    setMissing(found);
    if (found.secret || found.webhook) return;
    save.mutate({
      secret_key: secret.trim(),
      webhook_secret: stripe ? webhookSecret.trim() : null,
      enabled,
    });
  };

  return (
    <Card
      title={name}
      actions={
        configured ? (
          p.enabled ? (
            <Badge tone="green">{t('consoleBillingSettings.provider.on')}</Badge>
          ) : (
            <Badge tone="amber">{t('consoleBillingSettings.provider.off')}</Badge>
          )
        ) : (
          <Badge>{t('consoleBillingSettings.provider.notSetUp')}</Badge>
        )
      }
    >
      <div className="space-y-5">
        {configured && (
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-700">
              <Rich
                text={t('consoleBillingSettings.provider.keyHint', { hint: p.key_hint })}
                tags={{ key: (chunk) => <span className="font-mono font-semibold">{chunk}</span> }}
              />
            </p>
            <Button variant="secondary" busy={toggle.isPending} onClick={() => toggle.mutate(!p.enabled)}>
              {p.enabled
                ? t('consoleBillingSettings.provider.switchOff', { name })
                : t('consoleBillingSettings.provider.switchOn', { name })}
            </Button>
          </div>
        )}
        {toggle.isError && <Alert tone="error">{messageOf(toggle.error)}</Alert>}
        <div className="space-y-1.5">
          <label htmlFor={`${ids}-webhook`} className="block text-sm font-medium text-slate-800">
            {t('consoleBillingSettings.provider.webhookUrl')}
          </label>
          <div className="flex gap-2">
            <input
              id={`${ids}-webhook`}
              readOnly
              value={p.webhook_url}
              onFocus={(e) => e.target.select()}
              aria-describedby={`${ids}-webhook-hint`}
              className="block w-full min-w-0 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900"
            />
            <Button
              variant="secondary"
              aria-label={t('consoleBillingSettings.provider.copyLabel', { name })}
              onClick={() =>
                void navigator.clipboard
                  ?.writeText(p.webhook_url)
                  .then(() => toast(t('consoleBillingSettings.provider.copied')))
                  .catch(() => toast(t('consoleBillingSettings.provider.copyFailed'), 'error'))
              }
            >
              {t('consoleBillingSettings.provider.copy')}
            </Button>
          </div>
          <p id={`${ids}-webhook-hint`} className="text-sm text-slate-600">
            {t('consoleBillingSettings.provider.webhookHint', { name })}
          </p>
        </div>

        <form
          onSubmit={submit}
          noValidate
          className="space-y-4 border-t border-slate-100 pt-4"
          aria-label={t('consoleBillingSettings.provider.keysLabel', { name })}
        >
          <h3 className="text-sm font-semibold text-slate-900">
            {configured
              ? t('consoleBillingSettings.provider.replaceKeys')
              : t('consoleBillingSettings.provider.setUp')}
          </h3>
          {save.isError && !named && <Alert tone="error">{messageOf(save.error)}</Alert>}
          <TextField
            label={t('consoleBillingSettings.provider.secretKey', { name })}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={secret}
            placeholder={SECRET_SAMPLE}
            error={missing.secret ?? problem?.fieldError('secret_key')}
            onChange={(e) => setSecret(e.target.value)}
          />
          {stripe && (
            <TextField
              label={t('consoleBillingSettings.provider.webhookSecret')}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={webhookSecret}
              placeholder={WEBHOOK_SECRET_SAMPLE}
              error={missing.webhook ?? problem?.fieldError('webhook_secret')}
              hint={t('consoleBillingSettings.provider.webhookSecretHint')}
              onChange={(e) => setWebhookSecret(e.target.value)}
            />
          )}
          <div className="flex items-start gap-3">
            <input
              id={`${ids}-enabled`}
              type="checkbox"
              checked={enabled}
              onChange={(e) => setEnabled(e.target.checked)}
              className="mt-1 h-4 w-4"
            />
            <label htmlFor={`${ids}-enabled`} className="text-sm text-slate-800">
              <span className="font-medium">{t('consoleBillingSettings.provider.offer', { name })}</span>
            </label>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" busy={save.isPending}>
              {t('consoleBillingSettings.provider.save', { name })}
            </Button>
            {configured && (
              <ConfirmButton
                label={t('consoleBillingSettings.provider.remove', { name })}
                question={t('consoleBillingSettings.provider.removeQuestion', { name })}
                confirmLabel={t('consoleBillingSettings.provider.remove', { name })}
                busy={remove.isPending}
                onConfirm={() => remove.mutateAsync()}
              />
            )}
          </div>
          {remove.isError && <Alert tone="error">{messageOf(remove.error)}</Alert>}
        </form>
      </div>
    </Card>
  );
}
