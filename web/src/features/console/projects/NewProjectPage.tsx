import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Card, PageHeader, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { createProject, useProjectSaved, type CreateProject } from './api';
import { ProjectForm } from './ProjectForm';
import { emptyProject } from './projectDraft';

export function NewProjectPage() {
  const t = useT();
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useProjectSaved();
  const create = useMutation({
    mutationFn: (body: CreateProject) => createProject(body),
    onSuccess: (project) => {
      saved(project);
      toast(t('consoleProjects.new.created', { name: project.name, client: project.client_name }));
      navigate(`/app/projects/${project.id}`);
    },
  });
  return (
    <div className="max-w-3xl">
      <PageHeader title={t('consoleProjects.new.title')} description={t('consoleProjects.new.description')} />
      <Card>
        <ProjectForm
          mode="new"
          initial={emptyProject}
          submitLabel={t('consoleProjects.new.submit')}
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
