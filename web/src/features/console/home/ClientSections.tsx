import { Link } from 'react-router';
import { Badge } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import type { Home } from './api';
import { DaysAgo, Line, Lines, More, Quiet, Section, textLink } from './parts';
import { daysAgo } from './time';

/** Leads of the last 14 days, newest first. */
export function LeadsSection({ home }: { home: Home }) {
  const t = useT();
  return (
    <Section title={t('consoleHome.leads.title')} count={home.counts.new_leads}>
      {home.new_leads.length === 0 ? (
        <Quiet>{t('consoleHome.leads.empty')}</Quiet>
      ) : (
        <Lines>
          {home.new_leads.map((c) => (
            <Line key={c.id}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <Link to={`/app/clients/${c.id}`} className={textLink}>
                  {c.name}
                </Link>
                <span className="text-sm text-slate-600">
                  <DaysAgo days={daysAgo(c.created_at, home.today, home.time_zone)} at={c.created_at} />
                </span>
              </div>
              <p className="break-all text-sm text-slate-600">
                {c.company ? `${c.company} · ${c.email}` : c.email}
              </p>
            </Line>
          ))}
        </Lines>
      )}
      <More count={home.counts.new_leads - home.new_leads.length} to="/app/clients?status=lead" />
    </Section>
  );
}

/** Form submissions of the last 14 days, newest first. */
export function SubmissionsSection({ home }: { home: Home }) {
  const t = useT();
  return (
    <Section title={t('consoleHome.submissions.title')} count={home.counts.form_submissions}>
      {home.form_submissions.length === 0 ? (
        <Quiet>{t('consoleHome.submissions.empty')}</Quiet>
      ) : (
        <Lines>
          {home.form_submissions.map((s) => (
            <Line key={s.id}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <Link to={`/app/forms/${s.form_id}/submissions`} className={textLink}>
                  {s.form_title}
                </Link>
                <span className="text-sm text-slate-600">
                  <DaysAgo days={daysAgo(s.created_at, home.today, home.time_zone)} at={s.created_at} />
                </span>
              </div>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                {s.client.name}
                {s.created_lead && <Badge tone="blue">{t('consoleHome.submissions.newLead')}</Badge>}
              </p>
            </Line>
          ))}
        </Lines>
      )}
      <More count={home.counts.form_submissions - home.form_submissions.length} to="/app/forms" />
    </Section>
  );
}

/** Threads with client messages the signed-in staff member has not read. */
export function UnreadSection({ home }: { home: Home }) {
  const t = useT();
  return (
    <Section title={t('consoleHome.unread.title')} count={home.counts.unread_threads}>
      {home.unread_threads.length === 0 ? (
        <Quiet>{t('consoleHome.unread.empty')}</Quiet>
      ) : (
        <Lines>
          {home.unread_threads.map((m) => (
            <Line key={m.id}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <p className="flex flex-wrap items-center gap-2">
                  <Link to={`/app/projects/${m.project_id}/messages/${m.id}`} className={textLink}>
                    {m.title}
                  </Link>
                  <Badge tone="blue">{t('consoleHome.unread.count', { count: m.unread_count })}</Badge>
                </p>
                <span className="text-sm text-slate-600">
                  <DaysAgo
                    days={daysAgo(m.last_message_at, home.today, home.time_zone)}
                    at={m.last_message_at}
                  />
                </span>
              </div>
              <p className="text-sm text-slate-600">
                {m.project_name} · {m.client.name}
              </p>
            </Line>
          ))}
        </Lines>
      )}
      <More count={home.counts.unread_threads - home.unread_threads.length} to="/app/projects" />
    </Section>
  );
}
