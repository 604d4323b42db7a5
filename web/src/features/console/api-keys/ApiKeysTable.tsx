import { useMutation, useQueryClient } from '@tanstack/react-query';
import { messageOf } from '@/api/problem';
import { Alert, Badge, Cell, ResponsiveTable, useToast } from '@/components/ui';
import { apiKeysKey, revokeApiKey, type ApiKey } from './api';
import { ConfirmButton } from '@/components/ui';
import { useFormatDate } from '@/lib/console-queries';

/** A table on wide screens; under 640 px each key becomes a card with its own labels. */
export function ApiKeysTable({ keys }: { keys: ApiKey[] }) {
  return (
    <ResponsiveTable columns={['Name', 'Key', 'Scopes', 'Created', 'Last used', 'Status']}>
      {keys.map((key) => (
        <KeyRow key={key.id} apiKey={key} />
      ))}
    </ResponsiveTable>
  );
}

function KeyRow({ apiKey }: { apiKey: ApiKey }) {
  const format = useFormatDate();
  const revoked = Boolean(apiKey.revoked_at);
  return (
    <tr className="block rounded-xl border border-slate-200 bg-white p-4 align-top shadow-sm sm:table-row sm:rounded-none sm:border-0 sm:p-0 sm:shadow-none">
      <td className="block pb-2 font-semibold text-slate-900 sm:table-cell sm:px-4 sm:py-3">{apiKey.name}</td>
      <Cell label="Key">
        <code className="break-all text-slate-800">{apiKey.prefix}…</code>
      </Cell>
      <Cell label="Scopes">
        <span className="flex flex-wrap justify-end gap-1 sm:justify-start">
          {apiKey.scopes.map((s) => (
            <code key={s} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
              {s}
            </code>
          ))}
        </span>
      </Cell>
      <Cell label="Created">{format(apiKey.created_at)}</Cell>
      <Cell label="Last used">{apiKey.last_used_at ? format(apiKey.last_used_at) : 'Never'}</Cell>
      <Cell label="Status">
        {revoked ? (
          <span className="flex flex-col items-end gap-1 sm:items-start">
            <Badge tone="grey">Revoked</Badge>
            <span className="text-xs text-slate-600">{format(apiKey.revoked_at)}</span>
          </span>
        ) : (
          <span className="flex flex-col items-end gap-2 sm:items-start">
            <Badge tone="green">Active</Badge>
            <RevokeKey apiKey={apiKey} />
          </span>
        )}
      </Cell>
    </tr>
  );
}

function RevokeKey({ apiKey }: { apiKey: ApiKey }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const revoke = useMutation({
    mutationFn: () => revokeApiKey(apiKey.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: apiKeysKey });
      toast('Key revoked');
    },
  });
  return (
    <>
      <ConfirmButton
        label="Revoke"
        question={`Revoke “${apiKey.name}”? Anything using it stops working at once. This cannot be undone.`}
        confirmLabel="Revoke key"
        busy={revoke.isPending}
        onConfirm={() => revoke.mutateAsync()}
      />
      {revoke.isError && <Alert tone="error">{messageOf(revoke.error)}</Alert>}
    </>
  );
}
