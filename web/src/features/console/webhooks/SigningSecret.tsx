import { SecretReveal } from '@/components/SecretReveal';

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
  return (
    <SecretReveal
      id="webhook-secret-title"
      testId="webhook-secret"
      title={title}
      noun="secret"
      fullName="signing secret"
      secret={secret}
      hint="Your receiver uses it to check that requests come from Portico (Standard Webhooks signatures)."
      onDone={onDone}
    />
  );
}
