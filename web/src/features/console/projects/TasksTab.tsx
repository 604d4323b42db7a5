import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, ConfirmButton, EmptyState, TextField, useToast } from '@/components/ui';
import { formatDay } from '@/lib/format';
import { useFormatLocale, useT } from '@/lib/i18n/hooks';
import {
  createTask,
  deleteTask,
  projectKeys,
  reorderTasks,
  updateTask,
  useProjectChanged,
  useTenant,
  type ProjectDetail,
  type Task,
  type TaskStatus,
  type UpdateTask,
} from './api';
import { TASK_STATUSES, taskStatusLook } from './statuses';

/** The project's task board as an ordered list: add, rename, move, change status, delete. */
export function TasksTab({ project }: { project: ProjectDetail }) {
  const t = useT();
  const tasks = [...project.tasks].sort((a, b) => a.position - b.position);
  return (
    <div className="space-y-6">
      <AddTask project={project} />
      {tasks.length === 0 ? (
        <EmptyState title={t('consoleProjectsTasks.emptyTitle')}>
          {t('consoleProjectsTasks.emptyText')}
        </EmptyState>
      ) : (
        <Card title={t('consoleProjectsTasks.listTitle', { count: tasks.length })}>
          <ol aria-label={t('consoleProjectsTasks.listLabel')} className="divide-y divide-slate-100">
            {tasks.map((task, i) => (
              <TaskRow key={task.id} project={project} tasks={tasks} task={task} index={i} />
            ))}
          </ol>
        </Card>
      )}
    </div>
  );
}

function AddTask({ project }: { project: ProjectDetail }) {
  const t = useT();
  const toast = useToast();
  const changed = useProjectChanged();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [tried, setTried] = useState(false);
  const add = useMutation({
    mutationFn: () => createTask(project.id, { title: title.trim(), due_date: due || undefined }),
    onSuccess: (task) => {
      changed(project.id);
      setTitle('');
      setDue('');
      setTried(false);
      toast(t('consoleProjectsTasks.added', { title: task.title }));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (title.trim()) add.mutate();
  };
  const problem = add.error instanceof ApiProblem ? add.error : null;
  return (
    <Card title={t('consoleProjectsTasks.addTitle')}>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <div className="flex-1">
          <TextField
            label={t('consoleProjectsTasks.task')}
            value={title}
            placeholder={t('consoleProjectsTasks.taskPlaceholder')}
            error={
              tried && !title.trim() ? t('consoleProjectsTasks.taskMissing') : problem?.fieldError('title')
            }
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="sm:w-48">
          <TextField
            label={t('consoleProjectsTasks.dueOptional')}
            type="date"
            value={due}
            error={problem?.fieldError('due_date')}
            onChange={(e) => setDue(e.target.value)}
          />
        </div>
        <Button type="submit" busy={add.isPending} className="sm:mt-7">
          {t('consoleProjectsTasks.add')}
        </Button>
      </form>
      {add.isError && (
        <div className="mt-3">
          <Alert tone="error">{messageOf(add.error)}</Alert>
        </div>
      )}
    </Card>
  );
}

function TaskRow({
  project,
  tasks,
  task,
  index,
}: {
  project: ProjectDetail;
  tasks: Task[];
  task: Task;
  index: number;
}) {
  const t = useT();
  const toast = useToast();
  const queryClient = useQueryClient();
  const changed = useProjectChanged();
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(task.title);

  const putTask = (next: Task) =>
    queryClient.setQueryData<ProjectDetail>(projectKeys.detail(project.id), (p) =>
      p ? { ...p, tasks: p.tasks.map((x) => (x.id === next.id ? next : x)) } : p,
    );

  // The select shows the choice at once; the server's answer (or a failure) settles it.
  const [chosen, setChosen] = useState<TaskStatus | null>(null);
  const update = useMutation({
    mutationFn: (body: UpdateTask) => updateTask(project.id, task.id, body),
    onSettled: () => setChosen(null),
    onSuccess: (updated, body) => {
      putTask(updated);
      changed(project.id);
      if (body.status)
        toast(t('consoleProjectsTasks.statusChanged', { title: updated.title, status: updated.status }));
      else if (body.title) toast(t('consoleProjectsTasks.renamed', { title: updated.title }));
      else
        toast(
          updated.due_date
            ? t('consoleProjectsTasks.dueSet', {
                title: updated.title,
                date: formatDay(updated.due_date, locale),
              })
            : t('consoleProjectsTasks.dueCleared', { title: updated.title }),
        );
      setRenaming(false);
    },
  });

  const move = useMutation({
    mutationFn: (ids: string[]) => reorderTasks(project.id, ids),
    onMutate: (ids) => {
      // Moves the row at once; the server's answer (or a reload on failure) settles it.
      queryClient.setQueryData<ProjectDetail>(projectKeys.detail(project.id), (p) =>
        p ? { ...p, tasks: p.tasks.map((x) => ({ ...x, position: ids.indexOf(x.id) })) } : p,
      );
    },
    onSuccess: (ordered) =>
      queryClient.setQueryData<ProjectDetail>(projectKeys.detail(project.id), (p) =>
        p ? { ...p, tasks: ordered } : p,
      ),
    onError: () => void queryClient.invalidateQueries({ queryKey: projectKeys.detail(project.id) }),
  });

  const remove = useMutation({
    mutationFn: () => deleteTask(project.id, task.id),
    onSuccess: () => {
      queryClient.setQueryData<ProjectDetail>(projectKeys.detail(project.id), (p) =>
        p ? { ...p, tasks: p.tasks.filter((x) => x.id !== task.id) } : p,
      );
      changed(project.id);
      toast(t('consoleProjectsTasks.deleted', { title: task.title }));
    },
  });

  const moveBy = (delta: number) => {
    const ids = tasks.map((x) => x.id);
    const j = index + delta;
    if (j < 0 || j >= ids.length) return;
    [ids[index], ids[j]] = [ids[j]!, ids[index]!];
    move.mutate(ids);
  };

  const rename = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim() || title.trim() === task.title) {
      setRenaming(false);
      return;
    }
    update.mutate({ title: title.trim() });
  };

  const error = update.error ?? move.error ?? remove.error;
  const stopOnEscape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') setRenaming(false);
  };
  return (
    <li aria-label={task.title} className="py-3">
      <div className="flex flex-wrap items-center gap-3">
        <div className="flex flex-col">
          <Button
            variant="ghost"
            className="min-h-0 px-2 py-0.5"
            aria-label={t('consoleProjectsTasks.moveUp', { title: task.title })}
            disabled={index === 0 || move.isPending}
            onClick={() => moveBy(-1)}
          >
            ↑
          </Button>
          <Button
            variant="ghost"
            className="min-h-0 px-2 py-0.5"
            aria-label={t('consoleProjectsTasks.moveDown', { title: task.title })}
            disabled={index === tasks.length - 1 || move.isPending}
            onClick={() => moveBy(1)}
          >
            ↓
          </Button>
        </div>
        <div className="min-w-48 flex-1">
          {renaming ? (
            <form onSubmit={rename} className="flex flex-wrap items-center gap-2">
              <input
                aria-label={t('consoleProjectsTasks.newName', { title: task.title })}
                value={title}
                autoFocus
                onChange={(e) => setTitle(e.target.value)}
                onKeyDown={stopOnEscape}
                className="block h-10 flex-1 rounded-lg border border-slate-300 bg-white px-3 text-[15px]"
              />
              <Button type="submit" busy={update.isPending}>
                {t('consoleProjectsTasks.save')}
              </Button>
              <Button variant="ghost" onClick={() => setRenaming(false)}>
                {t('consoleProjectsTasks.cancel')}
              </Button>
            </form>
          ) : (
            <p
              className={`font-medium break-words ${task.status === 'cancelled' ? 'text-slate-500 line-through' : task.status === 'done' ? 'text-slate-600' : 'text-slate-900'}`}
            >
              {task.title}
            </p>
          )}
        </div>
        <select
          aria-label={t('consoleProjectsTasks.statusOf', { title: task.title })}
          value={chosen ?? task.status}
          disabled={update.isPending}
          onChange={(e) => {
            setChosen(e.target.value as TaskStatus);
            update.mutate({ status: e.target.value as TaskStatus });
          }}
          className="block h-10 w-44 rounded-lg border border-slate-300 bg-white px-3 text-[15px] text-slate-900 shadow-sm disabled:bg-slate-100"
        >
          {TASK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {taskStatusLook(s).label}
            </option>
          ))}
        </select>
        <input
          type="date"
          aria-label={t('consoleProjectsTasks.dueOf', { title: task.title })}
          value={task.due_date ?? ''}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ due_date: e.target.value || null })}
          className="block h-10 w-40 rounded-lg border border-slate-300 bg-white px-3 text-[15px]"
        />
        {!renaming && (
          <Button
            variant="ghost"
            aria-label={t('consoleProjectsTasks.renameLabel', { title: task.title })}
            onClick={() => {
              setTitle(task.title);
              setRenaming(true);
            }}
          >
            {t('consoleProjectsTasks.rename')}
          </Button>
        )}
        <ConfirmButton
          label={t('consoleProjectsTasks.delete')}
          question={t('consoleProjectsTasks.deleteQuestion', { title: task.title })}
          confirmLabel={t('consoleProjectsTasks.deleteConfirm')}
          busy={remove.isPending}
          onConfirm={() => remove.mutateAsync()}
        />
      </div>
      {error && (
        <div className="mt-2">
          <Alert tone="error">{messageOf(error)}</Alert>
        </div>
      )}
    </li>
  );
}
