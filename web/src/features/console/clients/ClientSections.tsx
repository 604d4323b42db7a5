import { useId, type ReactNode } from 'react';
import { consoleFiles, Thumbnail } from '@/components/files';
import { Link, useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { ContractStatus, InvoiceStatus, QuoteStatus } from '@/components/money/status';
import { Badge, Card, ErrorState, Loading, TabLinks } from '@/components/ui';
import { useFormatDate } from '@/lib/console-queries';
import { formatBytes, formatDay } from '@/lib/format';
import { Rich } from '@/lib/i18n/Rich';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
import { formatMoney } from '@/lib/money';
import { useClientOverview, useTenant, type Client, type ClientOverview } from './api';
import { AppointmentBadge, OrderBadge, ProjectBadge } from './OverviewBadges';

type SectionId =
  'appointments' | 'orders' | 'projects' | 'quotes' | 'contracts' | 'invoices' | 'files' | 'messages';

const SECTIONS: { id: SectionId; titleKey: string; count: (o: ClientOverview) => number }[] = [
  {
    id: 'appointments',
    titleKey: 'consoleClients.section.appointments',
    count: (o) => o.counts.appointments,
  },
  { id: 'orders', titleKey: 'consoleClients.section.orders', count: (o) => o.counts.service_orders },
  { id: 'projects', titleKey: 'consoleClients.section.projects', count: (o) => o.counts.projects },
  { id: 'quotes', titleKey: 'consoleClients.section.quotes', count: (o) => o.counts.quotes },
  { id: 'contracts', titleKey: 'consoleClients.section.contracts', count: (o) => o.counts.contracts },
  { id: 'invoices', titleKey: 'consoleClients.section.invoices', count: (o) => o.counts.invoices },
  { id: 'files', titleKey: 'consoleClients.section.files', count: (o) => o.counts.files },
  { id: 'messages', titleKey: 'consoleClients.section.messages', count: (o) => o.counts.threads },
];

/**
 * The list pages that read `?client_id=` from the address and show only that client's (with
 * a notice saying so and a way back to everyone's): "See all N" leads there. A list missing
 * here would be opened whole, and "more" says it holds every client's.
 */
const FILTERED_BY_CLIENT = new Set<string>([
  '/app/appointments',
  '/app/orders',
  '/app/projects',
  '/app/quotes',
  '/app/contracts',
  '/app/invoices',
]);

/**
 * Everything the business has with the client, one tab per kind: each line leads to its
 * page, and a list longer than the 25 shown leads to where the rest are. The chosen tab is
 * in the address (`?tab=quotes`), so coming back from a quote shows the quotes again.
 */
export function ClientSections({ client }: { client: Client }) {
  const t = useT();
  const overview = useClientOverview(client.id);
  const [params] = useSearchParams();
  if (overview.isPending) return <Loading label={t('consoleClients.overview.loading')} />;
  if (overview.isError)
    return (
      <ErrorState
        title={t('consoleClients.overview.loadError')}
        message={messageOf(overview.error)}
        onRetry={() => void overview.refetch()}
      />
    );
  const o = overview.data;
  const asked = SECTIONS.find((s) => s.id === params.get('tab'));
  // Without a choice, the first kind the client has anything of.
  const current = asked ?? SECTIONS.find((s) => s.count(o) > 0) ?? SECTIONS[0]!;
  const title = t(current.titleKey);
  return (
    <div>
      <nav aria-label={t('consoleClients.overview.sections')}>
        <TabLinks
          label={t('consoleClients.overview.sections')}
          tabs={SECTIONS.map((s) => {
            const params = new URLSearchParams({ tab: s.id });
            return {
              to: `?${params.toString()}`,
              label: t('consoleClients.overview.tab', { name: t(s.titleKey), count: s.count(o) }),
              selected: s.id === current.id,
            };
          })}
        />
      </nav>
      <div role="tabpanel" aria-label={title}>
        <Card title={title}>
          <Panel id={current.id} client={client} o={o} />
        </Card>
      </div>
    </div>
  );
}

function Panel({ id, client, o }: { id: SectionId; client: Client; o: ClientOverview }) {
  switch (id) {
    case 'appointments':
      return <Appointments client={client} o={o} />;
    case 'orders':
      return <Orders client={client} o={o} />;
    case 'projects':
      return <Projects client={client} o={o} />;
    case 'quotes':
      return <Quotes client={client} o={o} />;
    case 'contracts':
      return <Contracts client={client} o={o} />;
    case 'invoices':
      return <Invoices client={client} o={o} />;
    case 'files':
      return <Files o={o} />;
    case 'messages':
      return <Messages o={o} />;
  }
}

type PanelProps = { client: Client; o: ClientOverview };

function useLocale() {
  const tenant = useTenant();
  return useFormatLocale(tenant.data?.locale);
}

function Appointments({ client, o }: PanelProps) {
  const t = useT();
  const format = useFormatDate();
  if (o.counts.appointments === 0) return <Empty>{t('consoleClients.overview.empty.appointments')}</Empty>;
  const lines = (list: ClientOverview['upcoming_appointments'], empty: string) =>
    list.length === 0 ? (
      <Empty>{empty}</Empty>
    ) : (
      <Lines>
        {list.map((a) => (
          <Line
            key={a.id}
            to={`/app/appointments/${a.id}`}
            title={a.service_name}
            meta={[
              format(a.starts_at),
              a.staff_name && t('consoleClients.overview.withStaff', { name: a.staff_name }),
            ]}
            aside={<AppointmentBadge status={a.status} />}
          />
        ))}
      </Lines>
    );
  return (
    <div className="space-y-5">
      <section className="space-y-2">
        <h3 className="font-semibold text-slate-900">{t('consoleClients.overview.upcoming')}</h3>
        {lines(o.upcoming_appointments, t('consoleClients.overview.empty.upcoming'))}
      </section>
      <section className="space-y-2">
        <h3 className="font-semibold text-slate-900">{t('consoleClients.overview.past')}</h3>
        {lines(o.past_appointments, t('consoleClients.overview.empty.past'))}
      </section>
      <More
        count={o.counts.appointments}
        shown={o.upcoming_appointments.length + o.past_appointments.length}
        list="/app/appointments"
        client={client}
      />
    </div>
  );
}

function Orders({ client, o }: PanelProps) {
  const t = useT();
  const format = useFormatDate();
  if (o.service_orders.length === 0) return <Empty>{t('consoleClients.overview.empty.orders')}</Empty>;
  return (
    <>
      <Lines>
        {o.service_orders.map((s) => (
          <Line
            key={s.id}
            to={`/app/orders/${s.id}`}
            title={<Numbered number={orderReference(s.number)} title={s.title} />}
            meta={[t('consoleClients.overview.updated', { date: format(s.updated_at) })]}
            aside={<OrderBadge status={s.status} />}
          />
        ))}
      </Lines>
      <More
        count={o.counts.service_orders}
        shown={o.service_orders.length}
        list="/app/orders"
        client={client}
      />
    </>
  );
}

/** The reference people quote for an order: `SO-0007` (the API's `reference`). */
function orderReference(number: number): string {
  return `SO-${String(number).padStart(4, '0')}`;
}

function Projects({ client, o }: PanelProps) {
  const t = useT();
  const locale = useLocale();
  if (o.projects.length === 0) return <Empty>{t('consoleClients.overview.empty.projects')}</Empty>;
  return (
    <>
      <Lines>
        {o.projects.map((p) => (
          <Line
            key={p.id}
            to={`/app/projects/${p.id}`}
            title={p.name}
            meta={[
              p.due_date
                ? t('consoleClients.overview.due', { date: formatDay(p.due_date, locale) })
                : t('consoleClients.overview.noDueDate'),
            ]}
            aside={<ProjectBadge status={p.status} />}
          />
        ))}
      </Lines>
      <More count={o.counts.projects} shown={o.projects.length} list="/app/projects" client={client} />
    </>
  );
}

function Quotes({ client, o }: PanelProps) {
  const t = useT();
  const format = useFormatDate();
  const locale = useLocale();
  if (o.quotes.length === 0) return <Empty>{t('consoleClients.overview.empty.quotes')}</Empty>;
  return (
    <>
      <Lines>
        {o.quotes.map((q) => (
          <Line
            key={q.id}
            to={`/app/quotes/${q.id}`}
            title={<Numbered number={q.number} title={q.title} />}
            meta={[
              q.sent_at
                ? t('consoleClients.overview.sent', { date: format(q.sent_at) })
                : t('consoleClients.overview.notSent'),
              (q.status === 'draft' || q.status === 'sent') &&
                t('consoleClients.overview.validUntil', { date: formatDay(q.valid_until, locale) }),
              q.project_id && (
                <Link
                  to={`/app/projects/${q.project_id}`}
                  aria-label={t('consoleClients.overview.quoteProjectLabel', { number: q.number })}
                  className="underline underline-offset-2"
                >
                  {t('consoleClients.overview.quoteProject')}
                </Link>
              ),
            ]}
            aside={
              <>
                <QuoteStatus status={q.status} audience="staff" />
                <Amount>{formatMoney(q.total_minor, q.currency, locale)}</Amount>
              </>
            }
          />
        ))}
      </Lines>
      <More count={o.counts.quotes} shown={o.quotes.length} list="/app/quotes" client={client} />
    </>
  );
}

function Contracts({ client, o }: PanelProps) {
  const t = useT();
  const format = useFormatDate();
  if (o.contracts.length === 0) return <Empty>{t('consoleClients.overview.empty.contracts')}</Empty>;
  return (
    <>
      <Lines>
        {o.contracts.map((c) => (
          <Line
            key={c.id}
            to={`/app/contracts/${c.id}`}
            title={c.title}
            meta={[
              c.signed_at
                ? t('consoleClients.overview.signed', { date: format(c.signed_at) })
                : c.sent_at
                  ? t('consoleClients.overview.sent', { date: format(c.sent_at) })
                  : t('consoleClients.overview.notSent'),
            ]}
            aside={<ContractStatus status={c.status} audience="staff" />}
          />
        ))}
      </Lines>
      <More count={o.counts.contracts} shown={o.contracts.length} list="/app/contracts" client={client} />
    </>
  );
}

function Invoices({ client, o }: PanelProps) {
  const t = useT();
  const locale = useLocale();
  const outstandingId = useId();
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  if (o.invoices.length === 0) return <Empty>{t('consoleClients.overview.empty.invoices')}</Empty>;
  return (
    <div className="space-y-4">
      <section aria-labelledby={outstandingId} className="rounded-lg bg-slate-50 px-4 py-3">
        <h3 id={outstandingId} className="text-sm font-semibold text-slate-900">
          {t('consoleClients.overview.outstanding')}
        </h3>
        {o.outstanding.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">{t('consoleClients.overview.nothingOutstanding')}</p>
        ) : (
          <ul className="mt-1 space-y-0.5">
            {o.outstanding.map((d) => (
              <li key={d.currency} className="text-slate-900">
                <span className="text-lg font-semibold">{money(d.amount_minor, d.currency)}</span>{' '}
                {d.overdue_minor > 0 && (
                  <span className="text-sm font-semibold text-red-700">
                    {t('consoleClients.overview.overduePart', { amount: money(d.overdue_minor, d.currency) })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <Lines>
        {o.invoices.map((i) => (
          <Line
            key={i.id}
            to={`/app/invoices/${i.id}`}
            title={<Numbered number={i.number} title={i.title} />}
            meta={[t('consoleClients.overview.due', { date: formatDay(i.due_date, locale) })]}
            aside={
              <>
                <InvoiceStatus status={i.status} overdue={i.overdue} audience="staff" />
                <span className="text-right">
                  <Amount>{money(i.total_minor, i.currency)}</Amount>
                  {i.due_minor > 0 && i.due_minor !== i.total_minor && (
                    <span
                      className={`block text-xs ${i.overdue ? 'font-semibold text-red-700' : 'text-slate-600'}`}
                    >
                      {t('consoleClients.overview.stillDue', { amount: money(i.due_minor, i.currency) })}
                    </span>
                  )}
                </span>
              </>
            }
          />
        ))}
      </Lines>
      <More count={o.counts.invoices} shown={o.invoices.length} list="/app/invoices" client={client} />
    </div>
  );
}

function Files({ o }: { o: ClientOverview }) {
  const t = useT();
  const format = useFormatDate();
  const locale = useLocale();
  if (o.files.length === 0) return <Empty>{t('consoleClients.overview.empty.files')}</Empty>;
  return (
    <>
      <Lines>
        {o.files.map((f) => (
          <Line
            key={f.id}
            to={`/app/projects/${f.project_id}/files`}
            title={f.name}
            meta={[
              t('consoleClients.overview.inProject', { project: f.project_name }),
              formatBytes(f.size, locale),
              format(f.created_at),
            ]}
            aside={
              <span className="flex items-center gap-2">
                {f.client_visible ? (
                  <Badge tone="blue">{t('consoleClients.overview.clientSees')}</Badge>
                ) : (
                  <Badge tone="grey">{t('consoleClients.overview.teamOnly')}</Badge>
                )}
                <Thumbnail file={f} source={consoleFiles} />
              </span>
            }
          />
        ))}
      </Lines>
      {o.counts.files > o.files.length && (
        <p className="mt-4 text-sm text-slate-700">
          {t('consoleClients.overview.moreFiles', { shown: o.files.length, count: o.counts.files })}
        </p>
      )}
    </>
  );
}

function Messages({ o }: { o: ClientOverview }) {
  const t = useT();
  const format = useFormatDate();
  if (o.threads.length === 0) return <Empty>{t('consoleClients.overview.empty.messages')}</Empty>;
  return (
    <>
      <Lines>
        {o.threads.map((th) => (
          <Line
            key={th.id}
            to={`/app/projects/${th.project_id}/messages/${th.id}`}
            title={th.title}
            meta={[
              t('consoleClients.overview.inProject', { project: th.project_name }),
              t('consoleClients.overview.lastMessage', { date: format(th.last_message_at) }),
            ]}
          />
        ))}
      </Lines>
      {o.counts.threads > o.threads.length && (
        <p className="mt-4 text-sm text-slate-700">
          {t('consoleClients.overview.moreThreads', { shown: o.threads.length, count: o.counts.threads })}
        </p>
      )}
    </>
  );
}

/**
 * Where the rest are when the list is longer than what is shown: this client's on the list
 * page when it filters by client, else the whole list, saying it holds everyone's.
 */
function More({
  count,
  shown,
  list,
  client,
}: {
  count: number;
  shown: number;
  list: string;
  client: Client;
}) {
  const t = useT();
  if (count <= shown) return null;
  if (FILTERED_BY_CLIENT.has(list)) {
    const params = new URLSearchParams({ client_id: client.id });
    return (
      <p className="mt-4 text-sm">
        <Link to={`${list}?${params.toString()}`} className="font-semibold underline underline-offset-2">
          {t('consoleClients.overview.seeAll', { count })}
        </Link>
      </p>
    );
  }
  const link = (text: string) => (
    <Link to={list} className="font-semibold underline underline-offset-2">
      {text}
    </Link>
  );
  const key =
    list === '/app/appointments'
      ? 'consoleClients.overview.moreCalendar'
      : 'consoleClients.overview.moreList';
  return (
    <p className="mt-4 text-sm text-slate-700">
      <Rich text={t(key, { shown, count })} tags={{ link }} />
    </p>
  );
}

function Lines({ children }: { children: ReactNode }) {
  return <ul className="divide-y divide-slate-100">{children}</ul>;
}

/** One thing of the client's: its name leads to its page; what it is at on the right. */
function Line({
  to,
  title,
  meta,
  aside,
}: {
  to: string;
  title: ReactNode;
  meta: ReactNode[];
  aside?: ReactNode;
}) {
  return (
    <li className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1.5 py-3 first:pt-0 last:pb-0">
      <div className="min-w-0">
        <Link to={to} className="font-medium break-words text-slate-900 underline-offset-2 hover:underline">
          {title}
        </Link>
        <p className="mt-0.5 flex flex-wrap gap-x-1.5 text-sm text-slate-600">
          {meta.filter(Boolean).map((part, i) => (
            <span key={i} className="not-first:before:mr-1.5 not-first:before:content-['·']">
              {part}
            </span>
          ))}
        </p>
      </div>
      {aside && <div className="flex flex-wrap items-center gap-2">{aside}</div>}
    </li>
  );
}

function Numbered({ number, title }: { number: string; title: string }) {
  return (
    <>
      <span className="text-slate-600">{number}</span> {title}
    </>
  );
}

function Amount({ children }: { children: ReactNode }) {
  return <span className="font-semibold whitespace-nowrap text-slate-900">{children}</span>;
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="text-slate-600">{children}</p>;
}
