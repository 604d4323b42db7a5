import { useId, useState } from 'react';
import { messageOf } from '@/api/problem';
import { ErrorState, Loading } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { useMergeFields, type TemplateKind } from './api';
import { FIELD_LABELS, fieldsFor, insertAtCursor, token } from './mergeFields';

const KIND_NOTES: Partial<Record<TemplateKind, string>> = {
  project: 'consoleTemplates.picker.noteProject',
  quote: 'consoleTemplates.picker.noteQuote',
  contract: 'consoleTemplates.picker.noteContract',
};

/**
 * The merge fields a template of this kind can use. Choosing one writes `{{field}}` at the
 * cursor of the text field last focused in the editor (`target`).
 */
export function MergeFieldPicker({
  kind,
  target,
}: {
  kind: TemplateKind;
  target: () => HTMLInputElement | HTMLTextAreaElement | null;
}) {
  const t = useT();
  const id = useId();
  const fields = useMergeFields();
  const [noTarget, setNoTarget] = useState(false);
  const note = KIND_NOTES[kind];

  const insert = (name: string) => {
    const el = target();
    if (!el || !el.isConnected) {
      setNoTarget(true);
      return;
    }
    setNoTarget(false);
    insertAtCursor(el, token(name));
  };

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h3 id={`${id}-title`} className="font-semibold text-slate-900">
        {t('consoleTemplates.picker.title')}
      </h3>
      <p className="mt-1 text-sm text-slate-600">{t('consoleTemplates.picker.hint')}</p>
      {note && <p className="mt-1 text-sm text-slate-600">{t(note)}</p>}
      <p role="status" className="mt-1 text-sm font-medium text-amber-800">
        {noTarget ? t('consoleTemplates.picker.noTarget') : ''}
      </p>
      {fields.isPending ? (
        <Loading label={t('consoleTemplates.picker.loading')} />
      ) : fields.isError ? (
        <ErrorState
          title={t('consoleTemplates.picker.loadFailed')}
          message={messageOf(fields.error)}
          onRetry={() => void fields.refetch()}
        />
      ) : (
        <ul className="mt-2 space-y-1">
          {fieldsFor(kind, fields.data.items).map((f) => {
            const key = FIELD_LABELS[f.name];
            return (
              <li key={f.name}>
                <button
                  type="button"
                  // Keeps the focus (and the cursor) in the text while the button is pressed.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => insert(f.name)}
                  className="w-full rounded-md px-2 py-1.5 text-left text-sm hover:bg-white focus-visible:bg-white"
                >
                  <span className="block font-medium text-slate-900">{key ? t(key) : f.description}</span>
                  <code className="block text-xs text-slate-600">{token(f.name)}</code>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
