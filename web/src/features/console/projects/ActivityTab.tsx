import { useMemo } from 'react';
import { ActivityFeed } from '@/components/ActivityFeed';
import { useConsoleMe, useFormatDate, useProjectActivity, useStaffList, type ProjectDetail } from './api';
import { activitySentence } from '@/lib/activity-sentences';
import { useT } from '@/lib/i18n/hooks';

/** Everything that happened on the project, newest first, in words. */
export function ActivityTab({ project }: { project: ProjectDetail }) {
  const t = useT();
  const activity = useProjectActivity(project.id);
  const me = useConsoleMe();
  const staff = useStaffList();
  const format = useFormatDate();
  const names = useMemo(
    () => ({
      meId: me.data?.id,
      staff: new Map((staff.data?.items ?? []).map((s) => [s.id, s.name])),
      clientName: project.client_name,
    }),
    [me.data?.id, staff.data, project.client_name],
  );
  return (
    <ActivityFeed
      activity={activity}
      sentence={(a) => activitySentence(a, names)}
      format={format}
      label={t('consoleProjects.activity.label')}
      empty={t('consoleProjects.activity.empty')}
    />
  );
}
