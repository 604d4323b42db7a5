import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Card, PageHeader, useToast } from '@/components/ui';
import { createProject, useProjectSaved, type CreateProject } from './api';
import { ProjectForm } from './ProjectForm';
import { emptyProject } from './projectDraft';

export function NewProjectPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useProjectSaved();
  const create = useMutation({
    mutationFn: (body: CreateProject) => createProject(body),
    onSuccess: (project) => {
      saved(project);
      toast(`Project “${project.name}” created for ${project.client_name}`);
      navigate(`/app/projects/${project.id}`);
    },
  });
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="New project"
        description="Start a piece of work for a client. They follow it in the portal."
      />
      <Card>
        <ProjectForm
          mode="new"
          initial={emptyProject}
          submitLabel="Create project"
          busy={create.isPending}
          error={create.error}
          onCancel={() => navigate('/app/projects')}
          onSubmit={(d) =>
            create.mutate({
              client_id: d.client!.id,
              name: d.name.trim(),
              description: d.description.trim() || undefined,
              status: d.status,
              start_date: d.start_date || undefined,
              due_date: d.due_date || undefined,
              staff_id: d.staff_id || undefined,
              client_uploads: d.client_uploads,
            })
          }
        />
      </Card>
    </div>
  );
}
