import { useState } from 'react';
import { messageOf } from '@/api/problem';
import { Alert, Button, EmptyState, ErrorState, Loading, PageHeader } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { useApiKeys, useConsoleMe, type CreatedApiKey } from './api';
import { ApiKeysTable } from './ApiKeysTable';
import { CreateKeyForm } from './CreateKeyForm';
import { SecretReveal } from '@/components/SecretReveal';

export function ApiKeysPage() {
  const t = useT();
  const me = useConsoleMe();
  const header = (
    <PageHeader title={t('consoleApiKeys.title')} description={t('consoleApiKeys.description')} />
  );
  if (me.data && me.data.role !== 'owner' && me.data.role !== 'admin') {
    return (
      <div className="max-w-2xl">
        {header}
        <Alert tone="info">{t('consoleApiKeys.adminsOnly')}</Alert>
      </div>
    );
  }
  return (
    <div>
      {header}
      <ApiKeys />
    </div>
  );
}

function ApiKeys() {
  const t = useT();
  const keys = useApiKeys();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const items = keys.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-6">
      {created && (
        <SecretReveal
          id="new-key-title"
          testId="new-key-secret"
          title={t('consoleApiKeys.newKey', { name: created.name })}
          noun="key"
          secret={created.secret}
          onDone={() => setCreated(null)}
        />
      )}
      <div className="space-y-8">
        <section aria-labelledby="keys-title" className="min-w-0">
          <h2 id="keys-title" className="mb-3 text-base font-semibold text-slate-900">
            {t('consoleApiKeys.yourKeys')}
          </h2>
          {keys.isPending ? (
            <Loading label={t('consoleApiKeys.loading')} />
          ) : keys.isError && !keys.data ? (
            <ErrorState
              title={t('consoleApiKeys.loadFailed')}
              message={messageOf(keys.error)}
              onRetry={() => void keys.refetch()}
            />
          ) : items.length === 0 ? (
            <EmptyState title={t('consoleApiKeys.emptyTitle')}>{t('consoleApiKeys.emptyText')}</EmptyState>
          ) : (
            <>
              <ApiKeysTable keys={items} />
              {keys.isFetchNextPageError && (
                <div className="mt-4">
                  <Alert tone="error">{messageOf(keys.error)}</Alert>
                </div>
              )}
              {keys.hasNextPage && (
                <div className="mt-4 flex justify-center">
                  <Button
                    variant="secondary"
                    busy={keys.isFetchingNextPage}
                    onClick={() => void keys.fetchNextPage()}
                  >
                    {t('consoleApiKeys.loadMore')}
                  </Button>
                </div>
              )}
            </>
          )}
        </section>
        <div>
          <CreateKeyForm onCreated={setCreated} />
        </div>
      </div>
    </div>
  );
}
