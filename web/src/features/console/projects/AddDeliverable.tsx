import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, TextArea, TextField, useToast } from '@/components/ui';
import { markdownHint } from '@/lib/markdown';
import { useT } from '@/lib/i18n/hooks';
import { createDeliverable, type ProjectDetail } from './api';
import { useDeliverablesChanged } from './useDeliverablesChanged';

/** The form above the list: a title and an optional description. */
export function AddDeliverable({ project }: { project: ProjectDetail }) {
  const t = useT();
  const toast = useToast();
  const refresh = useDeliverablesChanged(project.id);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [tried, setTried] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      createDeliverable(project.id, { title: title.trim(), description: description.trim() || undefined }),
    onSuccess: (d) => {
      refresh();
      setTitle('');
      setDescription('');
      setTried(false);
      toast(t('consoleProjectsDeliverables.added', { title: d.title }));
    },
  });
  const problem = create.error instanceof ApiProblem ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (title.trim()) create.mutate();
  };
  return (
    <Card title={t('consoleProjectsDeliverables.addTitle')}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField
          label={t('consoleProjectsDeliverables.title')}
          value={title}
          placeholder={t('consoleProjectsDeliverables.titlePlaceholder')}
          error={
            tried && !title.trim()
              ? t('consoleProjectsDeliverables.titleMissing')
              : problem?.fieldError('title')
          }
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextArea
          label={t('consoleProjectsDeliverables.descriptionOptional')}
          value={description}
          error={problem?.fieldError('description')}
          hint={`${t('consoleProjectsDeliverables.descriptionHint')} ${markdownHint()}`}
          onChange={(e) => setDescription(e.target.value)}
        />
        <Button type="submit" busy={create.isPending}>
          {t('consoleProjectsDeliverables.add')}
        </Button>
        {create.isError && (!problem || problem.offScreen(['title', 'description'])) && (
          <Alert tone="error">{messageOf(create.error, ['title', 'description'])}</Alert>
        )}
      </form>
    </Card>
  );
}
