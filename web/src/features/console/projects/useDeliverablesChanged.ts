import { useQueryClient } from '@tanstack/react-query';
import { useProjectChanged, workKeys } from './api';

/** Refreshes a project's deliverables and files, and the project, after a change to a deliverable. */
export function useDeliverablesChanged(projectId: string) {
  const queryClient = useQueryClient();
  const changed = useProjectChanged();
  return () => {
    void queryClient.invalidateQueries({ queryKey: workKeys.deliverables(projectId) });
    void queryClient.invalidateQueries({ queryKey: workKeys.files(projectId) });
    changed(projectId);
  };
}
