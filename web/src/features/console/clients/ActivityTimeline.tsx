import { useMemo } from 'react';
import { ActivityFeed } from '@/components/ActivityFeed';
import { useClientActivity, useConsoleMe, useStaffList, type Client } from './api';
import { activitySentence, consoleHref } from '@/lib/activity-sentences';
import { useFormatDate } from '@/lib/console-queries';
import { useT } from '@/lib/i18n/hooks';

export function ActivityTimeline({ client }: { client: Client }) {
  const activity = useClientActivity(client.id);
  const me = useConsoleMe();
  const staff = useStaffList();
  const format = useFormatDate();
  const t = useT();
  const names = useMemo(
    () => ({
      meId: me.data?.id,
      staff: new Map((staff.data?.items ?? []).map((s) => [s.id, s.name])),
      clientName: client.name,
    }),
    [me.data?.id, staff.data, client.name],
  );
  return (
    <ActivityFeed
      activity={activity}
      sentence={(a) => activitySentence(a, names)}
      // The client's own entries are about this page; every other object has a page of its own.
      link={(a) => (a.subject_type === 'client' ? undefined : consoleHref(a))}
      format={format}
      empty={t('consoleClients.activityEmpty')}
    />
  );
}
