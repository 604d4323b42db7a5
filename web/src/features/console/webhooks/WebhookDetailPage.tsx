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
import { useT } from '@/lib/i18n/hooks';
import { EndpointStatusBadge } from './EndpointStatusBadge';

export function WebhookDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const me = useConsoleMe();
  const endpoint = useEndpoint(id);
  const back = (
    <Link to="/app/settings/webhooks" className="text-sm font-medium text-slate-700 hover:underline">
      {t('consoleWebhooks.backToList')}
    </Link>
  );
  if (me.data && !isAdmin(me.data)) {
    return (
      <div className="max-w-2xl">
        <PageHeader title={t('consoleWebhooks.endpointTitle')} />
        <Alert tone="info">{t('consoleWebhooks.adminsOnly')}</Alert>
      </div>
    );
  }
  if (endpoint.isPending) return <Loading label={t('consoleWebhooks.loadingOne')} />;
  if (endpoint.isError) {
    return (
      <div className="space-y-4">
        {back}
        <ErrorState
          title={t('consoleWebhooks.loadOneError')}
          message={messageOf(endpoint.error)}
          onRetry={() => void endpoint.refetch()}
        />
      </div>
    );
  }
  const url = <span className="break-all">{endpoint.data.url}</span>;
  return (
    <div className="space-y-8">
      <div>
        {back}
        <PageHeader title={t('consoleWebhooks.endpointTitle')} description={url} />
      </div>
      <Endpoint endpoint={endpoint.data} />
    </div>
  );
}

function Endpoint({ endpoint }: { endpoint: WebhookEndpoint }) {
  const t = useT();
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
      toast(t('consoleWebhooks.savedToast'));
    },
  });
  const toggle = useMutation({
    mutationFn: () => updateEndpoint(endpoint.id, { enabled: !endpoint.enabled }),
    onSuccess: (changed) => {
      refresh();
      toast(t(changed.enabled ? 'consoleWebhooks.enabledToast' : 'consoleWebhooks.disabledToast'));
    },
  });
  const test = useMutation({
    mutationFn: () => sendTest(endpoint.id),
    onSuccess: () => {
      toast(t('consoleWebhooks.testSentToast'));
      void queryClient.invalidateQueries({ queryKey: deliveriesKey(endpoint.id) });
    },
  });
  const rotate = useMutation({
    mutationFn: () => rotateSecret(endpoint.id),
    onSuccess: (rotated) => {
      toast(t('consoleWebhooks.rotatedToast'));
      setSecret(rotated.secret);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteEndpoint(endpoint.id),
    onSuccess: () => {
      refresh();
      toast(t('consoleWebhooks.deletedToast'));
      void navigate('/app/settings/webhooks');
    },
  });
  const failure = [toggle, test, rotate, remove].find((m) => m.isError)?.error;

  return (
    <>
      {secret && (
        <SigningSecret
          title={t('consoleWebhooks.newSecretTitle')}
          secret={secret}
          onDone={() => setSecret(null)}
        />
      )}
      <Card title={t('consoleWebhooks.column.status')}>
        <div className="space-y-4">
          <div className="flex flex-wrap items-center gap-3">
            <EndpointStatusBadge status={endpoint.status} />
            <span className="text-sm text-slate-600">
              {endpoint.last_success_at
                ? t('consoleWebhooks.lastSuccessAt', { date: format(endpoint.last_success_at) })
                : t('consoleWebhooks.lastSuccessNever')}
            </span>
          </div>
          {endpoint.status === 'failing' && (
            <Alert tone="warning">
              {t('consoleWebhooks.failingSince', { date: format(endpoint.failing_since) })}
            </Alert>
          )}
          {endpoint.status === 'disabled' && <Alert tone="info">{t('consoleWebhooks.disabledNotice')}</Alert>}
          {failure !== undefined && <Alert tone="error">{messageOf(failure)}</Alert>}
          <div className="flex flex-wrap gap-2">
            <Button busy={test.isPending} disabled={!endpoint.enabled} onClick={() => test.mutate()}>
              {t('consoleWebhooks.sendTest')}
            </Button>
            <Button variant="secondary" busy={toggle.isPending} onClick={() => toggle.mutate()}>
              {t(endpoint.enabled ? 'consoleWebhooks.disable' : 'consoleWebhooks.enable')}
            </Button>
            <ConfirmButton
              label={t('consoleWebhooks.rotate')}
              question={t('consoleWebhooks.rotateQuestion')}
              confirmLabel={t('consoleWebhooks.rotateConfirm')}
              tone="primary"
              busy={rotate.isPending}
              onConfirm={() => rotate.mutateAsync()}
            />
            <ConfirmButton
              label={t('consoleWebhooks.delete')}
              question={t('consoleWebhooks.deleteQuestion')}
              confirmLabel={t('consoleWebhooks.deleteConfirm')}
              busy={remove.isPending}
              onConfirm={() => remove.mutateAsync()}
            />
          </div>
        </div>
      </Card>
      <Card title={t('consoleWebhooks.settings')}>
        <EndpointForm
          initial={{ url: endpoint.url, description: endpoint.description ?? '', events: endpoint.events }}
          submitLabel={t('consoleWebhooks.saveChanges')}
          busy={save.isPending}
          error={save.error}
          onSubmit={(values) => save.mutate(values)}
        />
      </Card>
      <section aria-labelledby="log-title" className="min-w-0">
        <h2 id="log-title" className="mb-3 text-base font-semibold text-slate-900">
          {t('consoleWebhooks.deliveryLog')}
        </h2>
        <DeliveryLog endpointId={endpoint.id} enabled={endpoint.enabled} />
      </section>
    </>
  );
}
