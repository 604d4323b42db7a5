import { t } from '@/lib/i18n';
import type { CreateForm, FieldKind, Form, FormField } from './api';

/** A field as the builder edits it: options one per line, the key following the label until typed. */
export interface FieldDraft {
  /** Stable across edits and moves, for React. */
  uid: string;
  /** `name` or `email`: always there, always required, kind fixed. */
  fixed: boolean;
  key: string;
  keyTouched: boolean;
  label: string;
  kind: FieldKind;
  required: boolean;
  options: string;
  help: string;
}

export interface FormDraft {
  title: string;
  slug: string;
  slugTouched: boolean;
  description: string;
  success_message: string;
  enabled: boolean;
  notify_staff: boolean;
  fields: FieldDraft[];
}

/** Every form says who sent it: these keys keep their kind and cannot be removed. */
export const FIXED_KEYS = ['name', 'email'];

/** Each kind with the catalog key of its name (`t(k.labelKey)`). */
export const KINDS: { value: FieldKind; labelKey: string }[] = [
  { value: 'text', labelKey: 'consoleForms.kind.text' },
  { value: 'textarea', labelKey: 'consoleForms.kind.textarea' },
  { value: 'email', labelKey: 'consoleForms.kind.email' },
  { value: 'phone', labelKey: 'consoleForms.kind.phone' },
  { value: 'select', labelKey: 'consoleForms.kind.select' },
  { value: 'checkbox', labelKey: 'consoleForms.kind.checkbox' },
];

let counter = 0;
function uid(): string {
  counter += 1;
  return `f${counter}`;
}

/** "Your budget (€)" → "your_budget". */
export function keyOf(label: string): string {
  const key = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  if (!key) return '';
  return /^[a-z]/.test(key) ? key : `f_${key}`.slice(0, 40);
}

/** "Start a project!" → "start-a-project". */
export function slugOf(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

export function fieldDraft(f: Partial<FormField> = {}): FieldDraft {
  return {
    uid: uid(),
    fixed: FIXED_KEYS.includes(f.key ?? ''),
    key: f.key ?? '',
    keyTouched: Boolean(f.key),
    label: f.label ?? '',
    kind: f.kind ?? 'text',
    required: f.required ?? false,
    options: (f.options ?? []).join('\n'),
    help: f.help ?? '',
  };
}

export function draftOf(form?: Form): FormDraft {
  return {
    title: form?.title ?? '',
    slug: form?.slug ?? '',
    slugTouched: Boolean(form),
    description: form?.description ?? '',
    success_message: form?.success_message ?? '',
    enabled: form?.enabled ?? true,
    notify_staff: form?.notify_staff ?? true,
    fields: form
      ? form.fields.map((f) => fieldDraft(f))
      : [
          // A new form starts in the language of whoever builds it; they can reword every label.
          fieldDraft({ key: 'name', label: t('consoleForms.default.name'), kind: 'text', required: true }),
          fieldDraft({ key: 'email', label: t('consoleForms.default.email'), kind: 'email', required: true }),
          fieldDraft({
            key: 'message',
            label: t('consoleForms.default.message'),
            kind: 'textarea',
            required: true,
          }),
        ],
  };
}

export function fieldsOf(draft: FormDraft): FormField[] {
  return draft.fields.map((f) => ({
    key: f.key.trim(),
    label: f.label.trim(),
    kind: f.kind,
    required: f.fixed || f.required,
    options:
      f.kind === 'select'
        ? f.options
            .split('\n')
            .map((o) => o.trim())
            .filter(Boolean)
        : [],
    help: f.help.trim() || null,
  }));
}

/** The whole form as both create and update take it. */
export type FormBody = Required<Pick<CreateForm, 'title' | 'slug' | 'fields'>> & {
  description: string | null;
  success_message: string | null;
  enabled: boolean;
  notify_staff: boolean;
};

export function bodyOf(draft: FormDraft): FormBody {
  return {
    title: draft.title.trim(),
    slug: draft.slug.trim(),
    description: draft.description.trim() || null,
    success_message: draft.success_message.trim() || null,
    enabled: draft.enabled,
    notify_staff: draft.notify_staff,
    fields: fieldsOf(draft),
  };
}
