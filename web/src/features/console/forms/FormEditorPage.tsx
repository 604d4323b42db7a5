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
import { markdownHint } from '@/lib/markdown';
import { useT } from '@/lib/i18n/hooks';
import { Rich } from '@/lib/i18n/Rich';

/** `/app/forms/new` builds a form; `/app/forms/:id` changes one. */
export function FormEditorPage() {
  const { id } = useParams();
  if (!id || id === 'new') return <Editor />;
  return <ExistingForm id={id} />;
}

function ExistingForm({ id }: { id: string }) {
  const form = useForm(id);
  const t = useT();
  if (form.isPending) return <Loading label={t('consoleForms.loadingOne')} />;
  if (form.isError)
    return (
      <ErrorState
        title={t('consoleForms.loadOneError')}
        message={messageOf(form.error)}
        onRetry={() => void form.refetch()}
      />
    );
  return <Editor key={form.data.updated_at} form={form.data} />;
}

function Editor({ form }: { form?: Form }) {
  const t = useT();
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
      toast(form ? t('consoleForms.savedToast') : t('consoleForms.createdToast', { title: result.title }));
      if (!form) navigate(`/app/forms/${result.id}`);
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const locked = me.data && !isAdmin(me.data) ? t('consoleForms.adminsOnly') : undefined;
  const set = <K extends keyof FormDraft>(key: K, value: FormDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save.error]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  const description = form ? (
    <Rich
      text={t('consoleForms.publicAt', { url: form.public_url })}
      tags={{
        link: (chunk) => (
          <a href={form.public_url} target="_blank" rel="noreferrer" className="break-all underline">
            {chunk}
          </a>
        ),
      }}
    />
  ) : (
    t('consoleForms.newDescription')
  );

  return (
    <div className="max-w-3xl">
      <Link to="/app/forms" className="mb-4 inline-block text-sm font-medium text-slate-700 hover:underline">
        {t('consoleForms.backToList')}
      </Link>
      <PageHeader
        title={form ? form.title : t('consoleForms.newTitle')}
        description={description}
        actions={
          form && (
            <Link
              to={`/app/forms/${form.id}/submissions`}
              className="inline-flex min-h-10 items-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50"
            >
              {t('consoleForms.submissionsCount', { count: form.submission_count })}
            </Link>
          )
        }
      />
      <form ref={formRef} onSubmit={submit} noValidate className="space-y-6">
        {locked && <Alert tone="warning">{locked}</Alert>}
        {save.isError && (
          <Alert tone="error">
            {problem?.errors.length ? t('consoleForms.checkFields') : messageOf(save.error)}
          </Alert>
        )}
        <fieldset disabled={Boolean(locked)} className="space-y-6">
          <Card title={t('consoleForms.about')}>
            <div className="space-y-5">
              <TextField
                label={t('consoleForms.field.title')}
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
                label={t('consoleForms.field.address')}
                value={draft.slug}
                required
                error={problem?.fieldError('slug')}
                hint={t('consoleForms.field.addressHint')}
                onChange={(e) => setDraft((d) => ({ ...d, slug: e.target.value, slugTouched: true }))}
              />
              <TextArea
                label={t('consoleForms.field.intro')}
                value={draft.description}
                error={problem?.fieldError('description')}
                hint={t('consoleForms.field.introHint', { markdown: markdownHint() })}
                onChange={(e) => set('description', e.target.value)}
              />
              <TextArea
                label={t('consoleForms.field.thanks')}
                value={draft.success_message}
                error={problem?.fieldError('success_message')}
                hint={t('consoleForms.field.thanksHint')}
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
                  <span className="block font-medium text-slate-900">{t('consoleForms.field.open')}</span>
                  <span className="block text-sm text-slate-600">{t('consoleForms.field.openHint')}</span>
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
                  <span className="block font-medium text-slate-900">{t('consoleForms.field.notify')}</span>
                  <span className="block text-sm text-slate-600">{t('consoleForms.field.notifyHint')}</span>
                </span>
              </label>
            </div>
          </Card>
          <Card title={t('consoleForms.fields')}>
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
            {t(form ? 'consoleForms.saveChanges' : 'consoleForms.create')}
          </Button>
          <Link
            to="/app/forms"
            className="inline-flex min-h-10 items-center rounded-lg px-4 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-100"
          >
            {t('consoleForms.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
