import { messageOf } from '@/api/problem';
import { EmptyState, ErrorState, Loading } from '@/components/ui';
import { useDeliverables, type ProjectDetail } from './api';
import { AddDeliverable } from './AddDeliverable';
import { DeliverableCard } from './DeliverableCard';

/** What the client approves: create, edit, submit for review, reopen; history and files. */
export function DeliverablesTab({ project }: { project: ProjectDetail }) {
  const deliverables = useDeliverables(project.id);
  const items = deliverables.data?.items ?? [];
  return (
    <div className="space-y-6">
      <AddDeliverable project={project} />
      {deliverables.isPending ? (
        <Loading label="Loading deliverables…" />
      ) : deliverables.isError ? (
        <ErrorState
          title="The deliverables could not be loaded"
          message={messageOf(deliverables.error)}
          onRetry={() => void deliverables.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState title="No deliverables yet">
          A deliverable is something {project.client_name} approves, such as “Logo concepts”. Add one above,
          attach its files, then submit it for review: they are emailed and answer in the portal.
        </EmptyState>
      ) : (
        <ul aria-label="Deliverables" className="space-y-4">
          {items.map((d) => (
            <DeliverableCard key={d.id} project={project} deliverable={d} />
          ))}
        </ul>
      )}
    </div>
  );
}
