import { SecretReveal } from '@/components/SecretReveal';
import { useT } from '@/lib/i18n/hooks';

/** An endpoint's signing secret, shown once when it is created or rotated. */
export function SigningSecret({
  title,
  secret,
  onDone,
}: {
  title: string;
  secret: string;
  onDone: () => void;
}) {
  const t = useT();
  return (
    <SecretReveal
      id="webhook-secret-title"
      testId="webhook-secret"
      title={title}
      noun="secret"
      secret={secret}
      hint={t('consoleWebhooks.secretHint')}
      onDone={onDone}
    />
  );
}
