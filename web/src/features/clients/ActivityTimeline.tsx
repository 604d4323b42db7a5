import { useMemo } from 'react';
import { ActivityFeed } from '@/components/ActivityFeed';
import { useClientActivity, useConsoleMe, useStaffList, type Client } from './api';
import { activitySentence } from './activitySentence';
import { useFormatDate } from '@/lib/console-queries';

export function ActivityTimeline({ client }: { client: Client }) {
  const activity = useClientActivity(client.id);
  const me = useConsoleMe();
  const staff = useStaffList();
  const format = useFormatDate();
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
      format={format}
      empty="Changes to this client, invitations and portal logins will be listed here."
    />
  );
}
