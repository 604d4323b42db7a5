import { useQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import { messageOf } from '@/api/problem';
import type { components } from '@/api/schema';
import { Alert, Badge, Card, Spinner } from '@/components/ui';
import { useFormatDate } from '@/lib/console-queries';
import { useT, type Translate } from '@/lib/i18n/hooks';
import type { Client } from './api';

type LoginMessage = components['schemas']['LoginMessage'];
type Status = LoginMessage['status'];

/** While a message may still leave, the list asks again this often. */
const POLL_MS = 10_000;

const kinds: Record<LoginMessage['purpose'], Record<LoginMessage['channel'], string>> = {
  login_code: {
    email: 'consoleClients.loginMessages.codeByEmail',
    sms: 'consoleClients.loginMessages.codeByText',
  },
  invite: {
    email: 'consoleClients.loginMessages.inviteByEmail',
    sms: 'consoleClients.loginMessages.inviteByText',
  },
};

const looks: Record<Status, { tone: 'green' | 'red' | 'amber' | 'grey'; labelKey: string }> = {
  queued: { tone: 'grey', labelKey: 'consoleClients.loginMessages.queued' },
  retrying: { tone: 'amber', labelKey: 'consoleClients.loginMessages.retrying' },
  sent: { tone: 'green', labelKey: 'consoleClients.loginMessages.sent' },
  bounced: { tone: 'red', labelKey: 'consoleClients.loginMessages.bounced' },
  failed: { tone: 'red', labelKey: 'consoleClients.loginMessages.failed' },
};

/**
 * The latest login codes, links and invitations sent to the client and whether each left,
 * so staff can answer "I got no code" without asking anyone.
 */
export function LoginMessagesCard({ client }: { client: Client }) {
  const t = useT();
  const messages = useQuery({
    // Keyed by the last invitation too: inviting the client from this page lists the new one.
    queryKey: ['console', 'clients', 'login-messages', client.id, client.invited_at ?? null],
    queryFn: () =>
      call(api.GET('/api/v1/clients/{id}/login-messages', { params: { path: { id: client.id } } })),
    refetchInterval: (query) =>
      query.state.data?.items.some((m) => m.status === 'queued' || m.status === 'retrying') ? POLL_MS : false,
  });
  return (
    <Card title={t('consoleClients.loginMessages.title')}>
      {messages.isPending ? (
        <Spinner size="sm" label={t('consoleClients.loginMessages.loading')} />
      ) : messages.isError ? (
        <Alert tone="error">{messageOf(messages.error)}</Alert>
      ) : messages.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">{t('consoleClients.loginMessages.none')}</p>
      ) : (
        <>
          <ul className="divide-y divide-slate-100">
            {messages.data.items.map((m) => (
              <MessageRow key={m.id} message={m} />
            ))}
          </ul>
          <p className="mt-3 border-t border-slate-100 pt-3 text-sm text-slate-600">
            {t('consoleClients.loginMessages.sentMeans')}
          </p>
        </>
      )}
    </Card>
  );
}

function MessageRow({ message: m }: { message: LoginMessage }) {
  const t = useT();
  const format = useFormatDate();
  const look = looks[m.status];
  const detail = detailOf(t, m);
  return (
    <li className="space-y-1 py-3 text-sm first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium text-slate-900">{t(kinds[m.purpose][m.channel])}</span>
        <Badge tone={look.tone}>{t(look.labelKey)}</Badge>
      </div>
      <p className="break-all text-slate-700">{t('consoleClients.loginMessages.to', { to: m.to })}</p>
      <p className="text-slate-600">
        <time dateTime={m.created_at}>{format(m.created_at)}</time>
      </p>
      {detail && <p className={m.status === 'retrying' ? 'text-amber-900' : 'text-red-800'}>{detail}</p>}
    </li>
  );
}

/** What staff need to know beyond the status word, or null when the word says it all. */
function detailOf(t: Translate, m: LoginMessage): string | null {
  const lastError = m.last_error ? t('consoleClients.loginMessages.lastError', { error: m.last_error }) : '';
  const join = (first: string) => [first, lastError].filter(Boolean).join(' ');
  switch (m.status) {
    case 'bounced':
      return join(t('consoleClients.loginMessages.bouncedDetail'));
    case 'failed':
      return join(t('consoleClients.loginMessages.failedDetail', { attempts: m.attempts }));
    case 'retrying':
      return join(t('consoleClients.loginMessages.retryingDetail', { attempts: m.attempts }));
    default:
      return null;
  }
}
