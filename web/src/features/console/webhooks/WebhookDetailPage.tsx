import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { messageOf } from '@/api/problem';
import {
  Alert,
  Button,
  Card,
  ConfirmButton,
  ErrorState,
  Loading,
  PageHeader,
  useToast,
} from '@/components/ui';
import { isAdmin, useFormatDate } from '@/lib/console-queries';
import {
  deleteEndpoint,
  deliveriesKey,
  rotateSecret,
  sendTest,
  updateEndpoint,
  useConsoleMe,
  useEndpoint,
  webhooksKey,
  type EventName,
  type WebhookEndpoint,
} from './api';
import { DeliveryLog } from './DeliveryLog';
import { EndpointForm, type EndpointValues } from './EndpointForm';
import { SigningSecret } from './SigningSecret';
import { EndpointStatusBadge } from './EndpointStatusBadge';

export function WebhookDetailPage() {
  const { id = '' } = useParams();
  const me = useConsoleMe();
  const endpoint = useEndpoint(id);
  const back = (
    <Link to="/app/settings/webhooks" className="text-sm font-medium text-slate-700 hover:underline">
      ← All webhooks
    </Link>
  );
  if (me.data && !isAdmin(me.data)) {
    return (
      <div className="max-w-2xl">
        <PageHeader title="Webhook endpoint" />
        <Alert tone="info">Only owners and admins can manage webhooks.</Alert>
      </div>
    );
  }
  if (endpoint.isPending) return <Loading label="Loading the endpoint…" />;
  if (endpoint.isError) {
    return (
      <div className="space-y-4">
        {back}
        <ErrorState
          title="The endpoint could not be loaded"
          message={messageOf(endpoint.error)}
          onRetry={() => void endpoint.refetch()}
        />
      </div>
    );
  }
  return (
    <div className="space-y-8">
      <div>
        {back}
        <PageHeader
          title="Webhook endpoint"
          description={<span className="break-all">{endpoint.data.url}</span>}
        />
      </div>
      <Endpoint endpoint={endpoint.data} />
    </div>
  );
}

function Endpoint({ endpoint }: { endpoint: WebhookEndpoint }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const format = useFormatDate();
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: webhooksKey });

  const save = useMutation({
    mutationFn: (values: EndpointValues) =>
      updateEndpoint(endpoint.id, {
        url: values.url,
        description: values.description || null,
        // Picked from the server's own catalogue (GET /webhooks/event-types).
        events: values.events as EventName[],
      }),
    onSuccess: () => {
      refresh();
      toast('Endpoint saved');
    },
  });
  const toggle = useMutation({
    mutationFn: () => updateEndpoint(endpoint.id, { enabled: !endpoint.enabled }),
    onSuccess: (changed) => {
      refresh();
      toast(
        changed.enabled ? 'Endpoint enabled — events are sent again' : 'Endpoint disabled — nothing is sent',
      );
    },
  });
  const test = useMutation({
    mutationFn: () => sendTest(endpoint.id),
    onSuccess: () => {
      toast('Test event sent — the attempt appears in the log in a few seconds');
      void queryClient.invalidateQueries({ queryKey: deliveriesKey(endpoint.id) });
    },
  });
  const rotate = useMutation({
    mutationFn: () => rotateSecret(endpoint.id),
    onSuccess: (rotated) => {
      toast('Secret replaced');
      setSecret(rotated.secret);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteEndpoint(endpoint.id),
    onSuccess: () => {
      refresh();
      toast('Endpoint deleted');
      void navigate('/app/settings/webhooks');
    },
  });
  const failure = [toggle, test, rotate, remove].find((m) => m.isError)?.error;

  return (
    <>
      {secret && (
        <SigningSecret title="Your new signing secret" secret={secret} onDone={() => setSecret(null)} />
      )}
      <Card title="Status">
        <div className="space-y-4">
          <div className="flex flex-wrap items-center gap-3">
            <EndpointStatusBadge status={endpoint.status} />
            <span className="text-sm text-slate-600">
              Last success: {endpoint.last_success_at ? format(endpoint.last_success_at) : 'never'}
            </span>
          </div>
          {endpoint.status === 'failing' && (
            <Alert tone="warning">
              Failing since {format(endpoint.failing_since)}: an event could not be delivered after a day of
              retries. Events are still sent; fix the endpoint, then resend what failed from the log below.
            </Alert>
          )}
          {endpoint.status === 'disabled' && (
            <Alert tone="info">Disabled: nothing is sent to this endpoint, retries included.</Alert>
          )}
          {failure !== undefined && <Alert tone="error">{messageOf(failure)}</Alert>}
          <div className="flex flex-wrap gap-2">
            <Button busy={test.isPending} disabled={!endpoint.enabled} onClick={() => test.mutate()}>
              Send test event
            </Button>
            <Button variant="secondary" busy={toggle.isPending} onClick={() => toggle.mutate()}>
              {endpoint.enabled ? 'Disable' : 'Enable'}
            </Button>
            <ConfirmButton
              label="Rotate secret"
              question="Replace the signing secret? Requests are signed with the new one at once, so update your receiver straight away."
              confirmLabel="Replace secret"
              tone="primary"
              busy={rotate.isPending}
              onConfirm={() => rotate.mutateAsync()}
            />
            <ConfirmButton
              label="Delete"
              question="Delete this endpoint? Its delivery log goes with it, and nothing more is sent to it."
              confirmLabel="Delete endpoint"
              busy={remove.isPending}
              onConfirm={() => remove.mutateAsync()}
            />
          </div>
        </div>
      </Card>
      <Card title="Settings">
        <EndpointForm
          initial={{ url: endpoint.url, description: endpoint.description ?? '', events: endpoint.events }}
          submitLabel="Save changes"
          busy={save.isPending}
          error={save.error}
          onSubmit={(values) => save.mutate(values)}
        />
      </Card>
      <section aria-labelledby="log-title" className="min-w-0">
        <h2 id="log-title" className="mb-3 text-base font-semibold text-slate-900">
          Delivery log
        </h2>
        <DeliveryLog endpointId={endpoint.id} enabled={endpoint.enabled} />
      </section>
    </>
  );
}
