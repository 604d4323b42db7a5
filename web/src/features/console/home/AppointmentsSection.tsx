import { Link } from 'react-router';
import { Badge } from '@/components/ui';
import { addDays, localDay } from '@/lib/format';
import { useT } from '@/lib/i18n/hooks';
import type { Home, HomeAppointment } from './api';
import { Line, Lines, More, Quiet, Section, textLink } from './parts';
import { formatTime } from './time';

/** Today's and tomorrow's appointments, at the business's time. */
export function AppointmentsSection({ home, locale }: { home: Home; locale: string }) {
  const t = useT();
  const on = (day: string) => home.appointments.filter((a) => localDay(a.starts_at, home.time_zone) === day);
  const today = on(home.today);
  const tomorrow = on(addDays(home.today, 1));
  // The list stops at 20, earliest first: what is cut off is later, so tomorrow cannot be
  // said to be free then.
  const more = home.counts.appointments - home.appointments.length;
  return (
    <Section title={t('consoleHome.appointments.title')} count={home.counts.appointments}>
      <div className="space-y-5">
        <Day
          title={t('consoleHome.appointments.today')}
          items={today}
          empty={t('consoleHome.appointments.noneToday')}
          home={home}
          locale={locale}
        />
        <Day
          title={t('consoleHome.appointments.tomorrow')}
          items={tomorrow}
          empty={more > 0 ? null : t('consoleHome.appointments.noneTomorrow')}
          home={home}
          locale={locale}
        />
      </div>
      <More count={more} to="/app/appointments" />
    </Section>
  );
}

function Day({
  title,
  items,
  empty,
  home,
  locale,
}: {
  title: string;
  items: HomeAppointment[];
  empty: string | null;
  home: Home;
  locale: string;
}) {
  const t = useT();
  const time = (iso: string) => formatTime(iso, locale, home.time_zone);
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">{title}</h3>
      {items.length === 0 ? (
        empty && <Quiet>{empty}</Quiet>
      ) : (
        <Lines>
          {items.map((a) => (
            <Line key={a.id}>
              <div className="flex gap-3">
                <p className="w-28 shrink-0 font-medium tabular-nums text-slate-900">
                  <time dateTime={a.starts_at}>{time(a.starts_at)}</time>–
                  <time dateTime={a.ends_at}>{time(a.ends_at)}</time>
                </p>
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2">
                    <Link to={`/app/appointments/${a.id}`} className={textLink}>
                      {a.client.name}
                    </Link>
                    {a.status === 'pending' && (
                      <Badge tone="amber">{t('consoleHome.appointments.pending')}</Badge>
                    )}
                  </p>
                  <p className="text-sm text-slate-600">
                    {a.staff_name
                      ? t('consoleHome.appointments.withStaff', {
                          service: a.service_name,
                          staff: a.staff_name,
                        })
                      : a.service_name}
                  </p>
                </div>
              </div>
            </Line>
          ))}
        </Lines>
      )}
    </div>
  );
}
