import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '@/api/problem';
import { Alert, Card, EmptyState, ErrorState, Loading, PageHeader, useToast } from '@/components/ui';
import { isAdmin } from '@/lib/console-queries';
import {
  createEndpoint,
  useConsoleMe,
  useEndpoints,
  webhooksKey,
  type EventName,
  type WebhookEndpointWithSecret,
} from './api';
import { EndpointForm, type EndpointValues } from './EndpointForm';
import { EndpointsTable } from './EndpointsTable';
import { SigningSecret } from './SigningSecret';
import { useT } from '@/lib/i18n/hooks';

const EMPTY: EndpointValues = { url: '', description: '', events: [] };

export function WebhooksPage() {
  const t = useT();
  const me = useConsoleMe();
  const header = (
    <PageHeader title={t('consoleWebhooks.title')} description={t('consoleWebhooks.description')} />
  );
  if (me.data && !isAdmin(me.data)) {
    return (
      <div className="max-w-2xl">
        {header}
        <Alert tone="info">{t('consoleWebhooks.adminsOnly')}</Alert>
      </div>
    );
  }
  return (
    <div>
      {header}
      <Webhooks />
    </div>
  );
}

function Webhooks() {
  const t = useT();
  const endpoints = useEndpoints();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [created, setCreated] = useState<WebhookEndpointWithSecret | null>(null);
  // A new form after each creation, so the next one starts empty.
  const [formKey, setFormKey] = useState(0);
  const create = useMutation({
    mutationFn: (values: EndpointValues) =>
      createEndpoint({
        url: values.url,
        description: values.description || null,
        events: values.events as EventName[],
      }),
    onSuccess: (endpoint) => {
      void queryClient.invalidateQueries({ queryKey: webhooksKey });
      toast(t('consoleWebhooks.addedToast'));
      setCreated(endpoint);
      setFormKey((k) => k + 1);
    },
  });
  return (
    <div className="space-y-8">
      {created && (
        <SigningSecret
          title={t('consoleWebhooks.secretTitle', { url: created.url })}
          secret={created.secret}
          onDone={() => setCreated(null)}
        />
      )}
      <section aria-labelledby="endpoints-title" className="min-w-0">
        <h2 id="endpoints-title" className="mb-3 text-base font-semibold text-slate-900">
          {t('consoleWebhooks.yourEndpoints')}
        </h2>
        {endpoints.isPending ? (
          <Loading label={t('consoleWebhooks.loadingList')} />
        ) : endpoints.isError ? (
          <ErrorState
            title={t('consoleWebhooks.loadListError')}
            message={messageOf(endpoints.error)}
            onRetry={() => void endpoints.refetch()}
          />
        ) : endpoints.data.items.length === 0 ? (
          <EmptyState title={t('consoleWebhooks.emptyTitle')}>{t('consoleWebhooks.emptyBody')}</EmptyState>
        ) : (
          <EndpointsTable endpoints={endpoints.data.items} />
        )}
      </section>
      <Card title={t('consoleWebhooks.addTitle')}>
        <EndpointForm
          key={formKey}
          initial={EMPTY}
          submitLabel={t('consoleWebhooks.add')}
          busy={create.isPending}
          error={create.error}
          onSubmit={(values) => create.mutate(values)}
        />
      </Card>
    </div>
  );
}
