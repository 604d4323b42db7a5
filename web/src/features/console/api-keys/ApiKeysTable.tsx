import { useMutation, useQueryClient } from '@tanstack/react-query';
import { messageOf } from '@/api/problem';
import { Alert, Badge, Cell, ResponsiveTable, useToast } from '@/components/ui';
import { apiKeysKey, revokeApiKey, type ApiKey } from './api';
import { ConfirmButton } from '@/components/ui';
import { useFormatDate } from '@/lib/console-queries';
import { useT } from '@/lib/i18n/hooks';

/** A table on wide screens; under 640 px each key becomes a card with its own labels. */
export function ApiKeysTable({ keys }: { keys: ApiKey[] }) {
  const t = useT();
  return (
    <ResponsiveTable
      columns={[
        t('consoleApiKeys.column.name'),
        t('consoleApiKeys.column.key'),
        t('consoleApiKeys.column.scopes'),
        t('consoleApiKeys.column.created'),
        t('consoleApiKeys.column.lastUsed'),
        t('consoleApiKeys.column.status'),
      ]}
    >
      {keys.map((key) => (
        <KeyRow key={key.id} apiKey={key} />
      ))}
    </ResponsiveTable>
  );
}

function KeyRow({ apiKey }: { apiKey: ApiKey }) {
  const t = useT();
  const format = useFormatDate();
  const revoked = Boolean(apiKey.revoked_at);
  return (
    <tr className="block rounded-xl border border-slate-200 bg-white p-4 align-top shadow-sm sm:table-row sm:rounded-none sm:border-0 sm:p-0 sm:shadow-none">
      <td className="block pb-2 font-semibold text-slate-900 sm:table-cell sm:px-4 sm:py-3">{apiKey.name}</td>
      <Cell label={t('consoleApiKeys.column.key')}>
        <code className="break-all text-slate-800">{apiKey.prefix}…</code>
      </Cell>
      <Cell label={t('consoleApiKeys.column.scopes')}>
        <span className="flex flex-wrap justify-end gap-1 sm:justify-start">
          {apiKey.scopes.map((s) => (
            <code key={s} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
              {s}
            </code>
          ))}
        </span>
      </Cell>
      <Cell label={t('consoleApiKeys.column.created')}>{format(apiKey.created_at)}</Cell>
      <Cell label={t('consoleApiKeys.column.lastUsed')}>
        {apiKey.last_used_at ? format(apiKey.last_used_at) : t('consoleApiKeys.never')}
      </Cell>
      <Cell label={t('consoleApiKeys.column.status')}>
        {revoked ? (
          <span className="flex flex-col items-end gap-1 sm:items-start">
            <Badge tone="grey">{t('consoleApiKeys.revoked')}</Badge>
            <span className="text-xs text-slate-600">{format(apiKey.revoked_at)}</span>
          </span>
        ) : (
          <span className="flex flex-col items-end gap-2 sm:items-start">
            <Badge tone="green">{t('consoleApiKeys.active')}</Badge>
            <RevokeKey apiKey={apiKey} />
          </span>
        )}
      </Cell>
    </tr>
  );
}

function RevokeKey({ apiKey }: { apiKey: ApiKey }) {
  const t = useT();
  const queryClient = useQueryClient();
  const toast = useToast();
  const revoke = useMutation({
    mutationFn: () => revokeApiKey(apiKey.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: apiKeysKey });
      toast(t('consoleApiKeys.revokedToast'));
    },
  });
  return (
    <>
      <ConfirmButton
        label={t('consoleApiKeys.revoke')}
        question={t('consoleApiKeys.revokeQuestion', { name: apiKey.name })}
        confirmLabel={t('consoleApiKeys.revokeConfirm')}
        busy={revoke.isPending}
        onConfirm={() => revoke.mutateAsync()}
      />
      {revoke.isError && <Alert tone="error">{messageOf(revoke.error)}</Alert>}
    </>
  );
}
