import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, TextArea, TextField, useToast } from '@/components/ui';
import { MARKDOWN_HINT } from '@/lib/markdown';
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
  const toast = useToast();
  const refresh = useDeliverablesChanged(projectId);
  const [title, setTitle] = useState(d.title);
  const [description, setDescription] = useState(d.description ?? '');
  const save = useMutation({
    mutationFn: () =>
      updateDeliverable(d.id, { title: title.trim(), description: description.trim() || null }),
    onSuccess: (u) => {
      refresh();
      toast(`Changes to “${u.title}” saved`);
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
        label="Title"
        value={title}
        error={!title.trim() ? 'Give the deliverable a title.' : problem?.fieldError('title')}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextArea
        label="Description"
        value={description}
        error={problem?.fieldError('description')}
        hint={MARKDOWN_HINT}
        onChange={(e) => setDescription(e.target.value)}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" busy={save.isPending}>
          Save changes
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
      {save.isError && <Alert tone="error">{messageOf(save.error)}</Alert>}
    </form>
  );
}
