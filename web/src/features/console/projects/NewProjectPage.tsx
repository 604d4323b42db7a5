import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { usePresetClient } from '@/components/presetClient';
import type { Template } from '@/components/templates/api';
import { TemplateSelect } from '@/components/templates/TemplateSelect';
import { Card, Loading, PageHeader, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { createProject, createProjectFromTemplate, useProjectSaved, type CreateProject } from './api';
import { ProjectForm } from './ProjectForm';
import { emptyProject } from './projectDraft';

/**
 * `/app/projects/new`: a new project, from scratch or from a project template (which adds its
 * tasks and deliverables). `?client_id=` starts it for a client.
 */
export function NewProjectPage() {
  const t = useT();
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useProjectSaved();
  const [params] = useSearchParams();
  const preset = usePresetClient(params.get('client_id'));
  const [template, setTemplate] = useState<Template | null>(null);
  const create = useMutation({
    mutationFn: (v: { body: CreateProject; template: Template | null }) =>
      v.template ? createProjectFromTemplate(v.template.id, v.body) : createProject(v.body),
    onSuccess: (project, v) => {
      saved(project);
      toast(
        v.template
          ? t('consoleProjects.new.createdFromTemplate', {
              name: project.name,
              client: project.client_name,
              template: v.template.name,
            })
          : t('consoleProjects.new.created', { name: project.name, client: project.client_name }),
      );
      navigate(`/app/projects/${project.id}`);
    },
  });
  const content = template?.content.kind === 'project' ? template.content : null;
  return (
    <div className="max-w-3xl">
      <PageHeader title={t('consoleProjects.new.title')} description={t('consoleProjects.new.description')} />
      <Card>
        {preset.pending ? (
          <Loading label={t('consoleProjects.new.loading')} />
        ) : (
          <ProjectForm
            mode="new"
            initial={{ ...emptyProject, client: preset.client }}
            submitLabel={t('consoleProjects.new.submit')}
            busy={create.isPending}
            error={create.error}
            onCancel={() => navigate('/app/projects')}
            startFrom={
              <TemplateSelect
                kind="project"
                value={template?.id ?? ''}
                onChange={setTemplate}
                hint={
                  content
                    ? t('consoleProjects.template.adds', {
                        tasks: content.tasks?.length ?? 0,
                        deliverables: content.deliverables?.length ?? 0,
                      })
                    : t('consoleProjects.template.hint')
                }
              />
            }
            descriptionHint={content?.description ? t('consoleProjects.template.descriptionHint') : undefined}
            onSubmit={(d) =>
              create.mutate({
                template,
                body: {
                  client_id: d.client!.id,
                  name: d.name.trim(),
                  description: d.description.trim() || undefined,
                  status: d.status,
                  start_date: d.start_date || undefined,
                  due_date: d.due_date || undefined,
                  staff_id: d.staff_id || undefined,
                  client_uploads: d.client_uploads,
                },
              })
            }
          />
        )}
      </Card>
    </div>
  );
}
