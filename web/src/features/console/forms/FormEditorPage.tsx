import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import {
  Alert,
  Button,
  Card,
  ErrorState,
  Loading,
  PageHeader,
  TextArea,
  TextField,
  useToast,
} from '@/components/ui';
import { createForm, isAdmin, updateForm, useConsoleMe, useForm, useFormSaved, type Form } from './api';
import { FieldBuilder } from './FieldBuilder';
import { bodyOf, draftOf, slugOf, type FormDraft } from './formDraft';
import { MARKDOWN_HINT } from '@/lib/markdown';

/** `/app/forms/new` builds a form; `/app/forms/:id` changes one. */
export function FormEditorPage() {
  const { id } = useParams();
  if (!id || id === 'new') return <Editor />;
  return <ExistingForm id={id} />;
}

function ExistingForm({ id }: { id: string }) {
  const form = useForm(id);
  if (form.isPending) return <Loading label="Loading the form…" />;
  if (form.isError)
    return (
      <ErrorState
        title="This form could not be loaded"
        message={messageOf(form.error)}
        onRetry={() => void form.refetch()}
      />
    );
  return <Editor key={form.data.updated_at} form={form.data} />;
}

function Editor({ form }: { form?: Form }) {
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useFormSaved();
  const me = useConsoleMe();
  const [draft, setDraft] = useState<FormDraft>(() => draftOf(form));
  const formRef = useRef<HTMLFormElement>(null);
  const save = useMutation({
    mutationFn: () => (form ? updateForm(form.id, bodyOf(draft)) : createForm(bodyOf(draft))),
    onSuccess: (result) => {
      saved(result);
      toast(form ? 'Form saved' : `Form “${result.title}” created — it is live at its address`);
      if (!form) navigate(`/app/forms/${result.id}`);
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const locked = me.data && !isAdmin(me.data) ? 'Only owners and admins can change forms.' : undefined;
  const set = <K extends keyof FormDraft>(key: K, value: FormDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save.error]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <div className="max-w-3xl">
      <Link to="/app/forms" className="mb-4 inline-block text-sm font-medium text-slate-700 hover:underline">
        ← All forms
      </Link>
      <PageHeader
        title={form ? form.title : 'New form'}
        description={
          form ? (
            <>
              Public at{' '}
              <a href={form.public_url} target="_blank" rel="noreferrer" className="break-all underline">
                {form.public_url}
              </a>
            </>
          ) : (
            'Ask visitors what you need to know. Someone new becomes a lead in your clients.'
          )
        }
        actions={
          form && (
            <Link
              to={`/app/forms/${form.id}/submissions`}
              className="inline-flex min-h-10 items-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50"
            >
              Submissions ({form.submission_count})
            </Link>
          )
        }
      />
      <form ref={formRef} onSubmit={submit} noValidate className="space-y-6">
        {locked && <Alert tone="warning">{locked}</Alert>}
        {save.isError && (
          <Alert tone="error">
            {problem?.errors.length
              ? 'Some settings need a second look; see the messages below.'
              : messageOf(save.error)}
          </Alert>
        )}
        <fieldset disabled={Boolean(locked)} className="space-y-6">
          <Card title="About the form">
            <div className="space-y-5">
              <TextField
                label="Title"
                value={draft.title}
                required
                error={problem?.fieldError('title')}
                onChange={(e) =>
                  setDraft((d) => ({
                    ...d,
                    title: e.target.value,
                    ...(d.slugTouched ? {} : { slug: slugOf(e.target.value) }),
                  }))
                }
              />
              <TextField
                label="Address"
                value={draft.slug}
                required
                error={problem?.fieldError('slug')}
                hint="The last part of its link: lowercase letters, digits and hyphens."
                onChange={(e) => setDraft((d) => ({ ...d, slug: e.target.value, slugTouched: true }))}
              />
              <TextArea
                label="Introduction (optional)"
                value={draft.description}
                error={problem?.fieldError('description')}
                hint={`Shown above the fields. ${MARKDOWN_HINT}`}
                onChange={(e) => set('description', e.target.value)}
              />
              <TextArea
                label="Thank-you message (optional)"
                value={draft.success_message}
                error={problem?.fieldError('success_message')}
                hint="What visitors read once they have sent it."
                onChange={(e) => set('success_message', e.target.value)}
              />
              <label className="flex items-start gap-3">
                <input
                  type="checkbox"
                  checked={draft.enabled}
                  onChange={(e) => set('enabled', e.target.checked)}
                  className="mt-1 h-4 w-4 shrink-0"
                />
                <span>
                  <span className="block font-medium text-slate-900">Open to visitors</span>
                  <span className="block text-sm text-slate-600">
                    When off, its link says the form is not available.
                  </span>
                </span>
              </label>
              <label className="flex items-start gap-3">
                <input
                  type="checkbox"
                  checked={draft.notify_staff}
                  onChange={(e) => set('notify_staff', e.target.checked)}
                  className="mt-1 h-4 w-4 shrink-0"
                />
                <span>
                  <span className="block font-medium text-slate-900">Email owners and admins</span>
                  <span className="block text-sm text-slate-600">At each submission, with the answers.</span>
                </span>
              </label>
            </div>
          </Card>
          <Card title="Fields">
            {problem?.fieldError('fields') && (
              <p className="mb-3 text-sm font-medium text-red-700">{problem.fieldError('fields')}</p>
            )}
            <FieldBuilder
              fields={draft.fields}
              onChange={(fields) => set('fields', fields)}
              errorOf={(i, part) => problem?.fieldError(`fields[${i}].${part}`)}
            />
          </Card>
        </fieldset>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" busy={save.isPending} disabled={Boolean(locked)}>
            {form ? 'Save changes' : 'Create form'}
          </Button>
          <Link
            to="/app/forms"
            className="inline-flex min-h-10 items-center rounded-lg px-4 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-100"
          >
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
