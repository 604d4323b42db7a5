import { useId } from 'react';
import { Button, TextArea, TextField } from '@/components/ui';
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
        Add a field
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
  const kindId = useId();
  const fixed = f.fixed;
  const name = f.label.trim() || `Field ${index + 1}`;
  return (
    <li className="rounded-xl border border-slate-200 bg-slate-50 p-4">
      <fieldset className="space-y-4">
        <legend className="sr-only">{`Field ${index + 1}: ${name}`}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Label"
            value={f.label}
            error={errorOf('label')}
            onChange={(e) =>
              onChange({ label: e.target.value, ...(f.keyTouched ? {} : { key: keyOf(e.target.value) }) })
            }
          />
          <div className="space-y-1.5">
            <label htmlFor={kindId} className="block text-sm font-medium text-slate-800">
              Kind
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
                  {k.label}
                </option>
              ))}
            </select>
            {errorOf('kind') && <p className="text-sm font-medium text-red-700">{errorOf('kind')}</p>}
          </div>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Key"
            value={f.key}
            disabled={fixed}
            error={errorOf('key')}
            hint={
              fixed ? 'Every form asks for a name and an email.' : 'Where the answer is stored, e.g. budget.'
            }
            onChange={(e) => onChange({ key: e.target.value, keyTouched: true })}
          />
          <TextField
            label="Help (optional)"
            value={f.help}
            error={errorOf('help')}
            onChange={(e) => onChange({ help: e.target.value })}
          />
        </div>
        {f.kind === 'select' && (
          <TextArea
            label="Choices, one per line"
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
            {f.kind === 'checkbox' ? 'Must be ticked' : 'Required'}
          </label>
          <div className="flex flex-wrap gap-1">
            <Button
              variant="ghost"
              disabled={index === 0}
              aria-label={`Move ${name} up`}
              onClick={() => onMove(-1)}
            >
              ↑ Up
            </Button>
            <Button
              variant="ghost"
              disabled={index === count - 1}
              aria-label={`Move ${name} down`}
              onClick={() => onMove(1)}
            >
              ↓ Down
            </Button>
            {!fixed && (
              <Button variant="ghost" aria-label={`Remove ${name}`} onClick={onRemove}>
                Remove
              </Button>
            )}
          </div>
        </div>
      </fieldset>
    </li>
  );
}
