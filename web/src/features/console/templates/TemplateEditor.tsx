import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FocusEvent, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { MarkdownView } from '@/components/Markdown';
import { LineEditor } from '@/components/money/LineEditor';
import { lineProblems, sentIndexes } from '@/components/money/lines';
import { Alert, Button, TextArea, TextField, useToast } from '@/components/ui';
import { markdownHint } from '@/lib/markdown';
import { fractionDigits } from '@/lib/money';
import { useT } from '@/lib/i18n/hooks';
import {
  createTemplate,
  updateTemplate,
  useTemplatesChanged,
  type Template,
  type TemplateKind,
  type UpdateTemplate,
} from './api';
import {
  contentOf,
  draftOf,
  draftProblems,
  emptyDraft,
  sentDeliverableIndexes,
  sentTaskIndexes,
  type TemplateDraft,
} from './draft';
import { MergeFieldPicker } from './MergeFieldPicker';
import { DeliverablesEditor, TaskListEditor } from './ProjectParts';

const KIND_KEYS = {
  project: {
    new: 'consoleTemplates.editor.newProject',
    nameTaken: 'consoleTemplates.editor.nameTakenProject',
  },
  quote: { new: 'consoleTemplates.editor.newQuote', nameTaken: 'consoleTemplates.editor.nameTakenQuote' },
  contract: {
    new: 'consoleTemplates.editor.newContract',
    nameTaken: 'consoleTemplates.editor.nameTakenContract',
  },
  email: { new: 'consoleTemplates.editor.newEmail', nameTaken: 'consoleTemplates.editor.nameTakenEmail' },
} as const;

type TextTarget = HTMLInputElement | HTMLTextAreaElement;

/**
 * Makes or changes one template: its name and what it holds, by kind. Merge fields chosen on
 * the side go where the cursor was in the text last focused.
 */
export function TemplateEditor({
  kind,
  template,
  currency,
  locale,
  onDone,
}: {
  kind: TemplateKind;
  /** The template to change; `null` makes a new one. */
  template: Template | null;
  /** The business's currency: a quote template's prices are written in it. */
  currency: string;
  locale: string;
  onDone: () => void;
}) {
  const t = useT();
  const toast = useToast();
  const changed = useTemplatesChanged();
  const form = useRef<HTMLFormElement>(null);
  const target = useRef<TextTarget | null>(null);
  const digits = fractionDigits(currency, locale);
  const [draft, setDraft] = useState<TemplateDraft>(() =>
    template ? draftOf(template, digits) : emptyDraft(kind),
  );
  const [checked, setChecked] = useState(false);
  const set = <K extends keyof TemplateDraft>(key: K, value: TemplateDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const save = useMutation({
    mutationFn: (d: TemplateDraft) => {
      const content = contentOf(kind, d, digits);
      if (!template) return createTemplate({ name: d.name.trim(), content });
      const body: UpdateTemplate = {};
      if (d.name.trim() !== template.name) body.name = d.name.trim();
      if (JSON.stringify(content) !== JSON.stringify(contentOf(kind, draftOf(template, digits), digits)))
        body.content = content;
      return Object.keys(body).length ? updateTemplate(template.id, body) : Promise.resolve(template);
    },
    onSuccess: (saved) => {
      changed();
      toast(
        template
          ? t('consoleTemplates.editor.savedToast', { name: saved.name })
          : t('consoleTemplates.editor.createdToast', { name: saved.name }),
      );
      onDone();
    },
  });

  const problem = save.error instanceof ApiProblem ? save.error : null;
  const taken = problem?.status === 409;
  const local = checked ? draftProblems(kind, draft, digits, t) : {};
  const linesLocal = checked ? lineProblems(draft.lines, digits) : {};
  /** A field inside `content`, by its path as sent. */
  const server = (path: string) => problem?.fieldError(`content.${path}`);
  const errorOf = (path: string) => local[path] ?? server(path);
  const nameError = local.name ?? (taken ? t(KIND_KEYS[kind].nameTaken) : problem?.fieldError('name'));
  const tasksSent = sentTaskIndexes(draft);
  const deliverablesSent = sentDeliverableIndexes(draft);
  const linesSent = sentIndexes(draft.lines);
  const at = (indexes: number[], i: number) => indexes[i] ?? -1;

  // Takes the person to the first field the server refused.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save.error]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    const invalid =
      Object.keys(draftProblems(kind, draft, digits, t)).length > 0 ||
      (kind === 'quote' && Object.keys(lineProblems(draft.lines, digits)).length > 0);
    if (invalid) {
      setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    save.mutate(draft);
  };

  // The text a merge field goes into: the last one focused that takes them (`data-merge`).
  const track = (e: FocusEvent<HTMLFormElement>) => {
    const el = e.target;
    if (!(
      el instanceof HTMLInputElement ||
      el instanceof HTMLTextAreaElement ||
      el instanceof HTMLSelectElement
    ))
      return;
    target.current = el.hasAttribute('data-merge') && !(el instanceof HTMLSelectElement) ? el : null;
  };

  const heading = template
    ? t('consoleTemplates.editor.editTitle', { name: template.name })
    : t(KIND_KEYS[kind].new);
  const alert = taken
    ? t(KIND_KEYS[kind].nameTaken)
    : save.error != null
      ? messageOf(save.error, (f) => f === 'name' || f.startsWith('content.'))
      : null;

  return (
    <form ref={form} onSubmit={submit} onFocus={track} noValidate aria-label={heading} className="space-y-5">
      <h2 className="text-lg font-semibold text-slate-900">{heading}</h2>
      {alert && <Alert tone="error">{alert}</Alert>}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <div className="min-w-0 space-y-5">
          <TextField
            label={t('consoleTemplates.editor.name')}
            required
            autoFocus
            maxLength={100}
            value={draft.name}
            error={nameError}
            hint={t('consoleTemplates.editor.nameHint')}
            onChange={(e) => set('name', e.target.value)}
          />
          {kind === 'project' && (
            <>
              <TextArea
                label={t('consoleTemplates.editor.description')}
                value={draft.description}
                data-merge=""
                error={errorOf('description')}
                hint={`${t('consoleTemplates.editor.descriptionHint')} ${markdownHint()}`}
                onChange={(e) => set('description', e.target.value)}
              />
              <TaskListEditor
                tasks={draft.tasks}
                onChange={(tasks) => set('tasks', tasks)}
                errorOf={(i) => {
                  const n = at(tasksSent, i);
                  return n < 0 ? undefined : server(`tasks[${n}].title`);
                }}
              />
              <DeliverablesEditor
                deliverables={draft.deliverables}
                onChange={(deliverables) => set('deliverables', deliverables)}
                errorOf={(i, field) => {
                  const mine = local[`deliverables[${i}].${field}`];
                  const n = at(deliverablesSent, i);
                  return mine ?? (n < 0 ? undefined : server(`deliverables[${n}].${field}`));
                }}
              />
            </>
          )}
          {kind === 'quote' && (
            <>
              <TextField
                label={t('consoleTemplates.editor.quoteTitle')}
                required
                value={draft.title}
                data-merge=""
                error={errorOf('title')}
                hint={t('consoleTemplates.editor.quoteTitleHint')}
                onChange={(e) => set('title', e.target.value)}
              />
              <LineEditor
                lines={draft.lines}
                onChange={(lines) => set('lines', lines)}
                currency={currency}
                locale={locale}
                digits={digits}
                problems={linesLocal}
                mergeTargets
                serverErrors={(i, field) => {
                  const n = at(linesSent, i);
                  return n < 0 ? undefined : server(`lines[${n}].${field}`);
                }}
              />
              {errorOf('lines') && <p className="text-sm font-medium text-red-700">{errorOf('lines')}</p>}
              <TextArea
                label={t('consoleTemplates.editor.notes')}
                value={draft.notes}
                data-merge=""
                error={errorOf('notes')}
                hint={t('consoleTemplates.editor.notesHint')}
                onChange={(e) => set('notes', e.target.value)}
              />
            </>
          )}
          {kind === 'contract' && (
            <>
              <TextField
                label={t('consoleTemplates.editor.contractTitle')}
                required
                value={draft.title}
                data-merge=""
                error={errorOf('title')}
                onChange={(e) => set('title', e.target.value)}
              />
              <TextArea
                label={t('consoleTemplates.editor.contractBody')}
                required
                rows={16}
                value={draft.body}
                data-merge=""
                error={errorOf('body')}
                hint={t('consoleTemplates.editor.contractBodyHint')}
                onChange={(e) => set('body', e.target.value)}
              />
              <div className="rounded-lg border border-slate-200 p-4">
                <h3 className="mb-2 text-sm font-semibold text-slate-800">
                  {t('consoleTemplates.editor.preview')}
                </h3>
                {draft.body.trim() ? (
                  <MarkdownView
                    text={draft.body}
                    label={t('consoleTemplates.editor.previewLabel')}
                    testId="template-preview"
                  />
                ) : (
                  <p className="text-sm text-slate-600">{t('consoleTemplates.editor.previewEmpty')}</p>
                )}
              </div>
            </>
          )}
          {kind === 'email' && (
            <>
              <TextField
                label={t('consoleTemplates.editor.subject')}
                required
                value={draft.subject}
                data-merge=""
                error={errorOf('subject')}
                onChange={(e) => set('subject', e.target.value)}
              />
              <TextArea
                label={t('consoleTemplates.editor.emailBody')}
                required
                rows={12}
                value={draft.body}
                data-merge=""
                error={errorOf('body')}
                onChange={(e) => set('body', e.target.value)}
              />
            </>
          )}
        </div>
        <div className="lg:sticky lg:top-4 lg:self-start">
          <MergeFieldPicker kind={kind} target={() => target.current} />
        </div>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" busy={save.isPending}>
          {template ? t('consoleTemplates.editor.save') : t('consoleTemplates.editor.create')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('consoleTemplates.editor.cancel')}
        </Button>
      </div>
    </form>
  );
}
