import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, TextArea, TextField, useToast } from '@/components/ui';
import { MARKDOWN_HINT } from '@/lib/markdown';
import { createDeliverable, type ProjectDetail } from './api';
import { useDeliverablesChanged } from './useDeliverablesChanged';

/** The form above the list: a title and an optional description. */
export function AddDeliverable({ project }: { project: ProjectDetail }) {
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
      toast(`Deliverable “${d.title}” added — submit it for review when it is ready`);
    },
  });
  const problem = create.error instanceof ApiProblem ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (title.trim()) create.mutate();
  };
  return (
    <Card title="Add a deliverable">
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField
          label="Title"
          value={title}
          placeholder="e.g. Logo concepts"
          error={tried && !title.trim() ? 'Give the deliverable a title.' : problem?.fieldError('title')}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextArea
          label="Description (optional)"
          value={description}
          error={problem?.fieldError('description')}
          hint={`What the client is asked to look at. They see it in the portal. ${MARKDOWN_HINT}`}
          onChange={(e) => setDescription(e.target.value)}
        />
        <Button type="submit" busy={create.isPending}>
          Add deliverable
        </Button>
        {create.isError && (!problem || problem.offScreen(['title', 'description'])) && (
          <Alert tone="error">{messageOf(create.error, ['title', 'description'])}</Alert>
        )}
      </form>
    </Card>
  );
}
