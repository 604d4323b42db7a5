import { Link } from 'react-router';
import { Badge } from '@/components/ui';
import { Rich } from '@/lib/i18n/Rich';
import { useT } from '@/lib/i18n/hooks';
import type { Home, WaitingItem } from './api';
import { Line, Lines, Quiet, Section, textLink } from './parts';
import { daysAgo } from './time';

const KIND_KEYS: Record<WaitingItem['kind'], string> = {
  quote: 'consoleHome.waiting.kind.quote',
  contract: 'consoleHome.waiting.kind.contract',
  deliverable: 'consoleHome.waiting.kind.deliverable',
};

/** Where the console answers for it: the quote, the contract, the project's deliverables. */
function hrefOf(w: WaitingItem): string | undefined {
  switch (w.kind) {
    case 'quote':
      return `/app/quotes/${w.id}`;
    case 'contract':
      return `/app/contracts/${w.id}`;
    case 'deliverable':
      return w.project_id ? `/app/projects/${w.project_id}/deliverables` : undefined;
  }
}

/** A week without an answer is worth a reminder: the wait stands out from then on. */
const LONG_WAIT_DAYS = 7;

/** Quotes, contracts and deliverables the client has not answered, waiting longest first. */
export function WaitingSection({ home }: { home: Home }) {
  const t = useT();
  const more = home.counts.waiting_on_clients - home.waiting_on_clients.length;
  return (
    <Section title={t('consoleHome.waiting.title')} count={home.counts.waiting_on_clients}>
      {home.waiting_on_clients.length === 0 ? (
        <Quiet>{t('consoleHome.waiting.empty')}</Quiet>
      ) : (
        <Lines>
          {home.waiting_on_clients.map((w) => {
            const href = hrefOf(w);
            const days = daysAgo(w.since, home.today, home.time_zone);
            return (
              <Line key={`${w.kind}-${w.id}`}>
                <p className="flex flex-wrap items-center gap-2">
                  <Badge>{t(KIND_KEYS[w.kind])}</Badge>
                  {href ? (
                    <Link to={href} className={textLink}>
                      {w.title}
                    </Link>
                  ) : (
                    <span className="font-medium text-slate-900">{w.title}</span>
                  )}
                </p>
                <p className="mt-1 text-sm text-slate-600">
                  {w.client.name} ·{' '}
                  <time
                    dateTime={w.since}
                    className={days >= LONG_WAIT_DAYS ? 'font-medium text-amber-800' : undefined}
                  >
                    {t(
                      w.kind === 'deliverable' ? 'consoleHome.waiting.submitted' : 'consoleHome.waiting.sent',
                      {
                        days,
                      },
                    )}
                  </time>
                  {/* The portal counts views of quotes and contracts, not of deliverables. */}
                  {w.kind !== 'deliverable' && (
                    <>
                      {' · '}
                      {w.viewed_at
                        ? t('consoleHome.waiting.opened', {
                            days: daysAgo(w.viewed_at, home.today, home.time_zone),
                          })
                        : t('consoleHome.waiting.notOpened')}
                    </>
                  )}
                </p>
              </Line>
            );
          })}
        </Lines>
      )}
      {more > 0 && (
        <p className="mt-4 text-sm text-slate-700">
          <Rich
            text={t('consoleHome.waiting.more', { count: more })}
            tags={{
              quotes: (text) => (
                <Link to="/app/quotes?status=sent" className={textLink}>
                  {text}
                </Link>
              ),
              contracts: (text) => (
                <Link to="/app/contracts?status=sent" className={textLink}>
                  {text}
                </Link>
              ),
              projects: (text) => (
                <Link to="/app/projects" className={textLink}>
                  {text}
                </Link>
              ),
            }}
          />
        </p>
      )}
    </Section>
  );
}
