/**
 * A template as its editor holds it (what the person typed), and the content sent to the API.
 * One shape for every kind; each kind uses its own fields.
 */
import { emptyLine, lineDraftOf, lineInputs, type LineDraft } from '@/components/money/lines';
import type { Translate } from '@/lib/i18n/hooks';
import type { Template, TemplateContent, TemplateKind } from './api';

export interface TaskDraft {
  key: number;
  title: string;
}

export interface DeliverableDraft {
  key: number;
  title: string;
  description: string;
}

export interface TemplateDraft {
  name: string;
  /** A project's description. */
  description: string;
  tasks: TaskDraft[];
  deliverables: DeliverableDraft[];
  /** A quote's or a contract's title. */
  title: string;
  notes: string;
  lines: LineDraft[];
  /** A contract's or an email's text. */
  body: string;
  subject: string;
}

let nextKey = 1;
export const newTask = (title = ''): TaskDraft => ({ key: nextKey++, title });
export const newDeliverable = (): DeliverableDraft => ({ key: nextKey++, title: '', description: '' });

export function emptyDraft(kind: TemplateKind): TemplateDraft {
  return {
    name: '',
    description: '',
    // A new project template starts with a task to type in; blank ones are left out.
    tasks: kind === 'project' ? [newTask()] : [],
    deliverables: [],
    title: '',
    notes: '',
    lines: [emptyLine()],
    body: '',
    subject: '',
  };
}

/** A saved template in its editor; `digits` are the business currency's, for the lines' prices. */
export function draftOf(template: Template, digits: number): TemplateDraft {
  const draft = { ...emptyDraft(template.content.kind), name: template.name };
  const c = template.content;
  switch (c.kind) {
    case 'project':
      return {
        ...draft,
        description: c.description ?? '',
        tasks: (c.tasks ?? []).map((task) => newTask(task.title)),
        deliverables: (c.deliverables ?? []).map((d) => ({
          ...newDeliverable(),
          title: d.title,
          description: d.description ?? '',
        })),
      };
    case 'quote':
      return {
        ...draft,
        title: c.title,
        notes: c.notes ?? '',
        lines: c.lines.map((l) => lineDraftOf(l, digits)),
      };
    case 'contract':
      return { ...draft, title: c.title, body: c.body };
    case 'email':
      return { ...draft, subject: c.subject, body: c.body };
  }
}

const blankTask = (task: TaskDraft) => !task.title.trim();
const blankDeliverable = (x: DeliverableDraft) => !x.title.trim() && !x.description.trim();

/** Where each row lands among those sent (blank rows are left out); `-1` for a blank one. */
function sentIndexesOf<T>(rows: T[], blank: (row: T) => boolean): number[] {
  let next = 0;
  return rows.map((row) => (blank(row) ? -1 : next++));
}

export const sentTaskIndexes = (d: TemplateDraft) => sentIndexesOf(d.tasks, blankTask);
export const sentDeliverableIndexes = (d: TemplateDraft) => sentIndexesOf(d.deliverables, blankDeliverable);

/** What is sent as the template's `content`; blank tasks, deliverables and lines are left out. */
export function contentOf(kind: TemplateKind, d: TemplateDraft, digits: number): TemplateContent {
  switch (kind) {
    case 'project':
      return {
        kind,
        description: d.description.trim() || null,
        tasks: d.tasks.filter((task) => !blankTask(task)).map((task) => ({ title: task.title.trim() })),
        deliverables: d.deliverables
          .filter((x) => !blankDeliverable(x))
          .map((x) => ({
            title: x.title.trim(),
            description: x.description.trim() || null,
          })),
      };
    case 'quote':
      return {
        kind,
        title: d.title.trim(),
        notes: d.notes.trim() || null,
        lines: lineInputs(d.lines, digits),
      };
    case 'contract':
      return { kind, title: d.title.trim(), body: d.body };
    case 'email':
      return { kind, subject: d.subject.trim(), body: d.body };
  }
}

/**
 * What must be fixed before saving, by field: `name`, or a path inside `content` with the
 * editor's own row numbers (`tasks[2].title`). The lines' own problems come from `lineProblems`.
 */
export function draftProblems(
  kind: TemplateKind,
  d: TemplateDraft,
  digits: number,
  t: Translate,
): Record<string, string> {
  const p: Record<string, string> = {};
  if (!d.name.trim()) p.name = t('consoleTemplates.editor.nameMissing');
  switch (kind) {
    case 'project':
      d.deliverables.forEach((x, i) => {
        if (!blankDeliverable(x) && !x.title.trim())
          p[`deliverables[${i}].title`] = t('consoleTemplates.editor.deliverableMissing');
      });
      break;
    case 'quote':
      if (!d.title.trim()) p.title = t('consoleTemplates.editor.titleMissing');
      if (lineInputs(d.lines, digits).length === 0) p.lines = t('consoleTemplates.editor.linesMissing');
      break;
    case 'contract':
      if (!d.title.trim()) p.title = t('consoleTemplates.editor.titleMissing');
      if (!d.body.trim()) p.body = t('consoleTemplates.editor.bodyMissing');
      break;
    case 'email':
      if (!d.subject.trim()) p.subject = t('consoleTemplates.editor.subjectMissing');
      if (!d.body.trim()) p.body = t('consoleTemplates.editor.bodyMissing');
      break;
  }
  return p;
}
