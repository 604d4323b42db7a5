import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, TextArea, TextField, useToast } from '@/components/ui';
import { markdownHint } from '@/lib/markdown';
import { useT } from '@/lib/i18n/hooks';
import { updateDeliverable, type Deliverable } from './api';
import { useDeliverablesChanged } from './useDeliverablesChanged';

/** A deliverable's title and description, edited in place of its heading. */
export function EditDeliverable({
  deliverable: d,
  projectId,
  onDone,
}: {
  deliverable: Deliverable;
  projectId: string;
  onDone: () => void;
}) {
  const t = useT();
  const toast = useToast();
  const refresh = useDeliverablesChanged(projectId);
  const [title, setTitle] = useState(d.title);
  const [description, setDescription] = useState(d.description ?? '');
  const save = useMutation({
    mutationFn: () =>
      updateDeliverable(d.id, { title: title.trim(), description: description.trim() || null }),
    onSuccess: (u) => {
      refresh();
      toast(t('consoleProjectsDeliverables.saved', { title: u.title }));
      onDone();
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim()) save.mutate();
      }}
      noValidate
      className="space-y-4"
    >
      <TextField
        label={t('consoleProjectsDeliverables.title')}
        value={title}
        error={!title.trim() ? t('consoleProjectsDeliverables.titleMissing') : problem?.fieldError('title')}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextArea
        label={t('consoleProjectsDeliverables.description')}
        value={description}
        error={problem?.fieldError('description')}
        hint={markdownHint()}
        onChange={(e) => setDescription(e.target.value)}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" busy={save.isPending}>
          {t('consoleProjectsDeliverables.saveChanges')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('consoleProjectsDeliverables.cancel')}
        </Button>
      </div>
      {save.isError && <Alert tone="error">{messageOf(save.error)}</Alert>}
    </form>
  );
}
