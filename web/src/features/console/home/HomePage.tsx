import { Link } from 'react-router';
import { messageOf } from '@/api/problem';
import { linkButton, secondaryLink } from '@/components/styles';
import { ErrorState, Loading, PageHeader } from '@/components/ui';
import { useConsoleMe, useTenant } from '@/lib/console-queries';
import { firstName } from '@/lib/format';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
import { useHome, type Home } from './api';
import { AppointmentsSection } from './AppointmentsSection';
import { LeadsSection, SubmissionsSection, UnreadSection } from './ClientSections';
import { GetStarted } from './GetStarted';
import { MoneySection } from './MoneySection';
import { RecentActivity } from './RecentActivity';
import { partOfDay, formatLongDay } from './time';
import { WaitingSection } from './WaitingSection';

/** Nothing has happened in the business yet: the page says where to start. */
function isBrandNew(home: Home): boolean {
  return (
    home.recent_activity.length === 0 &&
    home.outstanding.length === 0 &&
    Object.values(home.counts).every((count) => count === 0)
  );
}

/** `/app`: what needs the team's attention today, and what happened lately. */
export function HomePage() {
  const t = useT();
  const home = useHome();
  const me = useConsoleMe();
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  if (home.isPending) return <Loading label={t('consoleHome.loading')} />;
  if (!home.data) {
    return (
      <ErrorState
        title={t('consoleHome.loadFailed')}
        message={messageOf(home.error)}
        onRetry={() => void home.refetch()}
      />
    );
  }
  const data = home.data;
  const part = partOfDay(data.time_zone);
  const name = me.data?.name ? firstName(me.data.name) : '';
  const fresh = isBrandNew(data);
  return (
    <div className="space-y-6">
      <PageHeader
        title={name ? t('consoleHome.greeting', { part, name }) : t('consoleHome.greetingNoName', { part })}
        description={formatLongDay(data.today, locale)}
        actions={
          !fresh && (
            <>
              <Link to="/app/clients/new" className={secondaryLink}>
                {t('consoleHome.newClient')}
              </Link>
              <Link to="/app/appointments/new" className={linkButton}>
                {t('consoleHome.newAppointment')}
              </Link>
            </>
          )
        }
      />
      {fresh && <GetStarted />}
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <AppointmentsSection home={data} locale={locale} />
        <WaitingSection home={data} />
        <MoneySection home={data} locale={locale} />
        <UnreadSection home={data} />
        <LeadsSection home={data} />
        <SubmissionsSection home={data} />
      </div>
      <RecentActivity home={data} />
    </div>
  );
}
