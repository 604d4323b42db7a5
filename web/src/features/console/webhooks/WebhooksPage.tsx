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

const EMPTY: EndpointValues = { url: '', description: '', events: [] };

export function WebhooksPage() {
  const me = useConsoleMe();
  const header = (
    <PageHeader
      title="Webhooks"
      description="Tell your other tools the moment something happens in Portico: a quote accepted, an invoice paid, a client added."
    />
  );
  if (me.data && !isAdmin(me.data)) {
    return (
      <div className="max-w-2xl">
        {header}
        <Alert tone="info">Only owners and admins can manage webhooks.</Alert>
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
      toast('Endpoint added');
      setCreated(endpoint);
      setFormKey((k) => k + 1);
    },
  });
  return (
    <div className="space-y-8">
      {created && (
        <SigningSecret
          title={`Signing secret for ${created.url}`}
          secret={created.secret}
          onDone={() => setCreated(null)}
        />
      )}
      <section aria-labelledby="endpoints-title" className="min-w-0">
        <h2 id="endpoints-title" className="mb-3 text-base font-semibold text-slate-900">
          Your endpoints
        </h2>
        {endpoints.isPending ? (
          <Loading label="Loading endpoints…" />
        ) : endpoints.isError ? (
          <ErrorState
            title="The endpoints could not be loaded"
            message={messageOf(endpoints.error)}
            onRetry={() => void endpoints.refetch()}
          />
        ) : endpoints.data.items.length === 0 ? (
          <EmptyState title="No webhook endpoints yet">
            Add an endpoint to have Portico send events to another tool, like your CRM or accounting software.
            Each request is signed so the receiver can check it came from you.
          </EmptyState>
        ) : (
          <EndpointsTable endpoints={endpoints.data.items} />
        )}
      </section>
      <Card title="Add an endpoint">
        <EndpointForm
          key={formKey}
          initial={EMPTY}
          submitLabel="Add endpoint"
          busy={create.isPending}
          error={create.error}
          onSubmit={(values) => create.mutate(values)}
        />
      </Card>
    </div>
  );
}
