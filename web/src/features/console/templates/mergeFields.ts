import type { MergeField, TemplateKind } from './api';

/** Each merge field's name for people, by the field's name (`client.name`). */
export const FIELD_LABELS: Record<string, string> = {
  'client.name': 'consoleTemplates.field.clientName',
  'client.first_name': 'consoleTemplates.field.clientFirstName',
  'client.email': 'consoleTemplates.field.clientEmail',
  'client.company': 'consoleTemplates.field.clientCompany',
  'client.phone': 'consoleTemplates.field.clientPhone',
  'business.name': 'consoleTemplates.field.businessName',
  'staff.name': 'consoleTemplates.field.staffName',
  today: 'consoleTemplates.field.today',
  'quote.number': 'consoleTemplates.field.quoteNumber',
  'quote.title': 'consoleTemplates.field.quoteTitle',
  'quote.total': 'consoleTemplates.field.quoteTotal',
  'quote.valid_until': 'consoleTemplates.field.quoteValidUntil',
  'project.name': 'consoleTemplates.field.projectName',
  'project.due_date': 'consoleTemplates.field.projectDueDate',
};

/**
 * The fields that can be filled in where a kind of template is used: a project is made for a
 * client only; a quote may be for one of their projects; a contract may name one of their
 * quotes. Emails will be written about either.
 */
export function fieldsFor(kind: TemplateKind, fields: MergeField[]): MergeField[] {
  const group = (f: MergeField) => f.name.split('.')[0];
  return fields.filter((f) => {
    if (kind === 'email') return true;
    if (group(f) === 'quote') return kind === 'contract';
    if (group(f) === 'project') return kind === 'quote';
    return true;
  });
}

/** The merge field as it is written in a template. */
export const token = (name: string) => `{{${name}}}`;

/**
 * Writes `text` into a text field at its cursor (over the selection), as if typed: the field's
 * own change handler sees it, so React state follows. The cursor ends after the text.
 */
export function insertAtCursor(el: HTMLInputElement | HTMLTextAreaElement, text: string) {
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  const next = el.value.slice(0, start) + text + el.value.slice(end);
  // React watches the element's own `value` setter; the prototype's bypasses it, so the
  // `input` event below reads as a change.
  const proto =
    el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, next);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  // The same value again through the element's own setter: anything that watches it (as
  // React does) now knows it as the field's value.
  el.value = next;
  el.focus();
  const caret = start + text.length;
  el.setSelectionRange(caret, caret);
}
