import { messageOf } from '@/api/problem';
import { EmptyState, ErrorState, Loading } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { useDeliverables, type ProjectDetail } from './api';
import { AddDeliverable } from './AddDeliverable';
import { DeliverableCard } from './DeliverableCard';

/** What the client approves: create, edit, submit for review, reopen; history and files. */
export function DeliverablesTab({ project }: { project: ProjectDetail }) {
  const t = useT();
  const deliverables = useDeliverables(project.id);
  const items = deliverables.data?.items ?? [];
  return (
    <div className="space-y-6">
      <AddDeliverable project={project} />
      {deliverables.isPending ? (
        <Loading label={t('consoleProjectsDeliverables.loading')} />
      ) : deliverables.isError ? (
        <ErrorState
          title={t('consoleProjectsDeliverables.loadError')}
          message={messageOf(deliverables.error)}
          onRetry={() => void deliverables.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState title={t('consoleProjectsDeliverables.emptyTitle')}>
          {t('consoleProjectsDeliverables.emptyText', { client: project.client_name })}
        </EmptyState>
      ) : (
        <ul aria-label={t('consoleProjectsDeliverables.listLabel')} className="space-y-4">
          {items.map((d) => (
            <DeliverableCard key={d.id} project={project} deliverable={d} />
          ))}
        </ul>
      )}
    </div>
  );
}
