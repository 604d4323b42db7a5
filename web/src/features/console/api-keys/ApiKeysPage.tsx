import { useState } from 'react';
import { messageOf } from '@/api/problem';
import { Alert, Button, EmptyState, ErrorState, Loading, PageHeader } from '@/components/ui';
import { useApiKeys, useConsoleMe, type CreatedApiKey } from './api';
import { ApiKeysTable } from './ApiKeysTable';
import { CreateKeyForm } from './CreateKeyForm';
import { SecretReveal } from '@/components/SecretReveal';

export function ApiKeysPage() {
  const me = useConsoleMe();
  const header = (
    <PageHeader
      title="API keys"
      description="Let other software, like Zapier or your website, work with your Portico data."
    />
  );
  if (me.data && me.data.role !== 'owner' && me.data.role !== 'admin') {
    return (
      <div className="max-w-2xl">
        {header}
        <Alert tone="info">Only owners and admins can manage API keys.</Alert>
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
  const keys = useApiKeys();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const items = keys.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-6">
      {created && (
        <SecretReveal
          id="new-key-title"
          testId="new-key-secret"
          title={`Your new key “${created.name}”`}
          noun="key"
          secret={created.secret}
          onDone={() => setCreated(null)}
        />
      )}
      <div className="space-y-8">
        <section aria-labelledby="keys-title" className="min-w-0">
          <h2 id="keys-title" className="mb-3 text-base font-semibold text-slate-900">
            Your keys
          </h2>
          {keys.isPending ? (
            <Loading label="Loading keys…" />
          ) : keys.isError && !keys.data ? (
            <ErrorState
              title="The keys could not be loaded"
              message={messageOf(keys.error)}
              onRetry={() => void keys.refetch()}
            />
          ) : items.length === 0 ? (
            <EmptyState title="No API keys yet">
              Create a key when you connect another tool to Portico. Each key gets only the permissions you
              choose, and you can revoke it at any time.
            </EmptyState>
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
                    Load more keys
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
