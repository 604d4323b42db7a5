import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { messageOf } from '@/api/problem';
import { Alert, Badge, useToast } from '@/components/ui';
import { apiKeysKey, revokeApiKey, type ApiKey } from './api';
import { ConfirmButton } from '@/components/ui';
import { useFormatDate } from '@/lib/console-queries';

/** A table on wide screens; under 640 px each key becomes a card with its own labels. */
export function ApiKeysTable({ keys }: { keys: ApiKey[] }) {
  return (
    <table className="w-full text-left text-sm sm:rounded-xl sm:border sm:border-slate-200 sm:bg-white sm:shadow-sm">
      <thead className="hidden border-b border-slate-200 bg-slate-50 text-slate-700 sm:table-header-group">
        <tr>
          {['Name', 'Key', 'Scopes', 'Created', 'Last used', 'Status'].map((h) => (
            <th key={h} scope="col" className="px-4 py-3 font-semibold">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="grid gap-3 sm:table-row-group sm:divide-y sm:divide-slate-100">
        {keys.map((key) => (
          <KeyRow key={key.id} apiKey={key} />
        ))}
      </tbody>
    </table>
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

function Cell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <td className="flex items-baseline justify-between gap-4 py-1 sm:table-cell sm:px-4 sm:py-3">
      <span className="shrink-0 text-slate-600 sm:hidden">{label}</span>
      <span className="min-w-0 text-right text-slate-800 sm:text-left">{children}</span>
    </td>
  );
}
