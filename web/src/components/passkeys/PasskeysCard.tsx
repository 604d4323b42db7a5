import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, ConfirmButton, Spinner, TextField, useToast } from '@/components/ui';
import { useT, type Translate } from '@/lib/i18n/hooks';
import { createPasskey, PasskeyError, passkeysSupported } from '@/lib/webauthn';
import {
  addPasskey,
  listPasskeys,
  passkeyOptions,
  removePasskey,
  type Passkey,
  type PasskeyList,
} from './api';
import { guessDeviceName } from './deviceName';

export interface PasskeysCardProps {
  /** Where the list lives in the query cache: one per realm, so portals do not share it. */
  queryKey: QueryKey;
  /** Dates as the page around the card writes them (its locale and time zone). */
  formatDate: (iso: string | null | undefined) => string;
}

/**
 * Your passkeys, to sign in without waiting for a code: the list, "Add a passkey", and a way
 * to remove each. A browser without WebAuthn gets one line saying so instead.
 */
export function PasskeysCard(props: PasskeysCardProps) {
  const t = useT();
  if (!passkeysSupported()) {
    return (
      <Card title={t('passkeys.title')}>
        <p className="text-sm text-slate-600">{t('passkeys.unsupported')}</p>
      </Card>
    );
  }
  return <Passkeys {...props} />;
}

function Passkeys({ queryKey, formatDate }: PasskeysCardProps) {
  const t = useT();
  const toast = useToast();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey, queryFn: listPasskeys });
  const [adding, setAdding] = useState(false);
  const remove = useMutation({
    mutationFn: removePasskey,
    onSuccess: (_, id) => {
      queryClient.setQueryData<PasskeyList>(queryKey, (old) =>
        old ? { ...old, items: old.items.filter((p) => p.id !== id) } : old,
      );
      toast(t('passkeys.removed'));
    },
  });

  // Staff viewing a portal as the client may not touch the client's passkeys.
  if (list.error instanceof ApiProblem && list.error.status === 403) return null;

  return (
    <Card title={t('passkeys.title')}>
      <div className="space-y-4">
        <p className="text-sm text-slate-700">{t('passkeys.intro')}</p>
        {list.isPending ? (
          <Spinner size="sm" label={t('passkeys.loading')} />
        ) : list.isError ? (
          <Alert tone="error">{messageOf(list.error)}</Alert>
        ) : list.data.items.length === 0 ? (
          <p className="text-sm text-slate-600">{t('passkeys.none')}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
            {list.data.items.map((passkey) => (
              <PasskeyRow
                key={passkey.id}
                passkey={passkey}
                formatDate={formatDate}
                busy={remove.isPending && remove.variables === passkey.id}
                onRemove={() => remove.mutateAsync(passkey.id)}
              />
            ))}
          </ul>
        )}
        {remove.isError && <Alert tone="error">{messageOf(remove.error)}</Alert>}
        {adding ? (
          <AddPasskey queryKey={queryKey} onClose={() => setAdding(false)} />
        ) : (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            {t('passkeys.add')}
          </Button>
        )}
      </div>
    </Card>
  );
}

function PasskeyRow({
  passkey,
  formatDate,
  busy,
  onRemove,
}: {
  passkey: Passkey;
  formatDate: PasskeysCardProps['formatDate'];
  busy: boolean;
  onRemove: () => Promise<unknown>;
}) {
  const t = useT();
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
      <div className="min-w-0">
        <p className="font-medium break-words text-slate-900">{passkey.name}</p>
        <p className="text-sm text-slate-600">
          {t('passkeys.added', { date: formatDate(passkey.created_at) })}
          {' · '}
          {passkey.last_used_at
            ? t('passkeys.lastUsed', { date: formatDate(passkey.last_used_at) })
            : t('passkeys.neverUsed')}
        </p>
      </div>
      <ConfirmButton
        label={t('passkeys.remove')}
        question={t('passkeys.removeQuestion', { name: passkey.name })}
        confirmLabel={t('passkeys.removeConfirm')}
        busy={busy}
        onConfirm={onRemove}
      />
    </li>
  );
}

const NAME_MAX = 60;

/** Names the passkey, then hands over to the browser's own dialog to make it. */
function AddPasskey({ queryKey, onClose }: { queryKey: QueryKey; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState(() => guessDeviceName(t));
  const [nameMissing, setNameMissing] = useState(false);
  const add = useMutation({
    mutationFn: async (chosen: string) => {
      const ceremony = await passkeyOptions();
      const credential = await createPasskey(ceremony.options);
      return addPasskey(ceremony.ceremony_id, chosen, credential);
    },
    onSuccess: (added) => {
      queryClient.setQueryData<PasskeyList>(queryKey, (old) =>
        old ? { ...old, items: [...old.items, added] } : old,
      );
      void queryClient.invalidateQueries({ queryKey });
      toast(t('passkeys.addedToast'));
      onClose();
    },
  });
  const problem = add.error instanceof ApiProblem ? add.error : null;
  const nameError = nameMissing ? t('passkeys.nameRequired') : problem?.fieldError('name');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // One line, as the server wants it; a pasted line break becomes a space.
    const chosen = name.replace(/\s+/g, ' ').trim();
    setNameMissing(chosen === '');
    if (chosen) add.mutate(chosen);
  };

  return (
    <form
      className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4"
      onSubmit={submit}
      noValidate
    >
      {add.isError && !(problem?.fieldError('name') && problem.errors.length === 1) && (
        <Alert tone="error">{failureMessage(add.error, t)}</Alert>
      )}
      <TextField
        label={t('passkeys.nameLabel')}
        name="passkey_name"
        autoComplete="off"
        autoFocus
        required
        maxLength={NAME_MAX}
        value={name}
        error={nameError}
        hint={t('passkeys.nameHint')}
        onChange={(e) => setName(e.target.value)}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" busy={add.isPending}>
          {t('passkeys.create')}
        </Button>
        <Button variant="ghost" onClick={onClose} disabled={add.isPending}>
          {t('components.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** What went wrong, in words: the browser's dialog, or the server's answer. */
function failureMessage(error: unknown, t: Translate): string {
  if (error instanceof PasskeyError) {
    if (error.reason === 'cancelled') return t('passkeys.cancelled');
    if (error.reason === 'exists') return t('passkeys.already');
    return t('passkeys.failed');
  }
  if (error instanceof ApiProblem) {
    if (error.status === 409) return t('passkeys.already');
    // The ceremony the options started has expired (the dialog stayed open too long).
    if (error.status === 404) return t('passkeys.expired');
  }
  return messageOf(error);
}
