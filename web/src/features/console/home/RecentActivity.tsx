import { useMemo } from 'react';
import { ActivityFeed } from '@/components/ActivityFeed';
import { activitySentence, consoleHref } from '@/lib/activity-sentences';
import { useConsoleMe, useFormatDate, useStaffList } from '@/lib/console-queries';
import { useT } from '@/lib/i18n/hooks';
import { useHomeActivity, type Home } from './api';

/** The business's latest activity in words, each entry leading to its object's page. */
export function RecentActivity({ home }: { home: Home }) {
  const t = useT();
  const activity = useHomeActivity();
  const me = useConsoleMe();
  const staff = useStaffList();
  const format = useFormatDate();
  const staffNames = useMemo(
    () => new Map((staff.data?.items ?? []).map((s) => [s.id, s.name])),
    [staff.data],
  );
  // Unlike a client's own log, each entry here may concern another client.
  const clientNames = useMemo(
    () => new Map(home.recent_activity.map((a) => [a.id, a.client_name ?? ''])),
    [home.recent_activity],
  );
  const someClient = t('consoleHome.activity.aClient');
  return (
    <ActivityFeed
      activity={activity}
      sentence={(a) =>
        activitySentence(a, {
          meId: me.data?.id,
          staff: staffNames,
          clientName: clientNames.get(a.id) || someClient,
        })
      }
      link={consoleHref}
      format={format}
      label={t('consoleHome.activity.label')}
      empty={t('consoleHome.activity.empty')}
    />
  );
}
