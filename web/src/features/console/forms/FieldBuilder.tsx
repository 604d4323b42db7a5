import { useId } from 'react';
import { Button, TextArea, TextField } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { KINDS, fieldDraft, keyOf, type FieldDraft } from './formDraft';

/** The form's fields in order: add, edit, move and remove them. `errorOf(i, part)` is the server's word. */
export function FieldBuilder({
  fields,
  onChange,
  errorOf,
}: {
  fields: FieldDraft[];
  onChange: (fields: FieldDraft[]) => void;
  errorOf: (index: number, part: string) => string | undefined;
}) {
  const t = useT();
  const update = (i: number, change: Partial<FieldDraft>) =>
    onChange(fields.map((f, j) => (j === i ? { ...f, ...change } : f)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...fields];
    const [moved] = next.splice(i, 1);
    next.splice(i + by, 0, moved!);
    onChange(next);
  };
  return (
    <div className="space-y-4">
      <ol className="space-y-4">
        {fields.map((f, i) => (
          <FieldRow
            key={f.uid}
            index={i}
            count={fields.length}
            field={f}
            errorOf={(part) => errorOf(i, part)}
            onChange={(change) => update(i, change)}
            onMove={(by) => move(i, by)}
            onRemove={() => onChange(fields.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      <Button variant="secondary" onClick={() => onChange([...fields, fieldDraft()])}>
        {t('consoleForms.addField')}
      </Button>
    </div>
  );
}

function FieldRow({
  index,
  count,
  field: f,
  errorOf,
  onChange,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  field: FieldDraft;
  errorOf: (part: string) => string | undefined;
  onChange: (change: Partial<FieldDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const kindId = useId();
  const fixed = f.fixed;
  const name = f.label.trim() || t('consoleForms.fieldN', { n: index + 1 });
  return (
    <li className="rounded-xl border border-slate-200 bg-slate-50 p-4">
      <fieldset className="space-y-4">
        <legend className="sr-only">{t('consoleForms.fieldLegend', { n: index + 1, name })}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('consoleForms.field.label')}
            value={f.label}
            error={errorOf('label')}
            onChange={(e) =>
              onChange({ label: e.target.value, ...(f.keyTouched ? {} : { key: keyOf(e.target.value) }) })
            }
          />
          <div className="space-y-1.5">
            <label htmlFor={kindId} className="block text-sm font-medium text-slate-800">
              {t('consoleForms.field.kind')}
            </label>
            <select
              id={kindId}
              value={f.kind}
              disabled={fixed}
              aria-invalid={errorOf('kind') ? true : undefined}
              onChange={(e) => onChange({ kind: e.target.value as FieldDraft['kind'] })}
              className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-[15px] text-slate-900 shadow-sm disabled:bg-slate-100"
            >
              {KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {t(k.labelKey)}
                </option>
              ))}
            </select>
            {errorOf('kind') && <p className="text-sm font-medium text-red-700">{errorOf('kind')}</p>}
          </div>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('consoleForms.field.key')}
            value={f.key}
            disabled={fixed}
            error={errorOf('key')}
            hint={t(fixed ? 'consoleForms.field.keyFixedHint' : 'consoleForms.field.keyHint')}
            onChange={(e) => onChange({ key: e.target.value, keyTouched: true })}
          />
          <TextField
            label={t('consoleForms.field.help')}
            value={f.help}
            error={errorOf('help')}
            onChange={(e) => onChange({ help: e.target.value })}
          />
        </div>
        {f.kind === 'select' && (
          <TextArea
            label={t('consoleForms.field.choices')}
            value={f.options}
            error={errorOf('options')}
            rows={4}
            onChange={(e) => onChange({ options: e.target.value })}
          />
        )}
        <div className="flex flex-wrap items-center justify-between gap-3">
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              checked={fixed || f.required}
              disabled={fixed}
              onChange={(e) => onChange({ required: e.target.checked })}
              className="h-4 w-4"
            />
            {t(f.kind === 'checkbox' ? 'consoleForms.field.mustTick' : 'consoleForms.field.required')}
          </label>
          <div className="flex flex-wrap gap-1">
            <Button
              variant="ghost"
              disabled={index === 0}
              aria-label={t('consoleForms.moveUpLabel', { name })}
              onClick={() => onMove(-1)}
            >
              {t('consoleForms.moveUp')}
            </Button>
            <Button
              variant="ghost"
              disabled={index === count - 1}
              aria-label={t('consoleForms.moveDownLabel', { name })}
              onClick={() => onMove(1)}
            >
              {t('consoleForms.moveDown')}
            </Button>
            {!fixed && (
              <Button variant="ghost" aria-label={t('consoleForms.removeLabel', { name })} onClick={onRemove}>
                {t('consoleForms.remove')}
              </Button>
            )}
          </div>
        </div>
      </fieldset>
    </li>
  );
}
