import { useId } from 'react';
import { messageOf } from '@/api/problem';
import { Alert, Loading } from '@/components/ui';
import { useEventTypes } from './api';
import { useT } from '@/lib/i18n/hooks';
import { groupByObject } from './groups';

/** Checkboxes for every event type, grouped by object, each with when it is sent. */
export function EventPicker({
  selected,
  onChange,
  error,
}: {
  selected: string[];
  onChange: (events: string[]) => void;
  error?: string;
}) {
  const t = useT();
  const types = useEventTypes();
  const errorId = useId();
  if (types.isPending) return <Loading label={t('consoleWebhooks.loadingEventTypes')} />;
  if (types.isError) return <Alert tone="error">{messageOf(types.error)}</Alert>;
  const toggle = (name: string, on: boolean) =>
    onChange(on ? [...selected, name] : selected.filter((e) => e !== name));
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="mb-2 text-sm font-medium text-slate-800">{t('consoleWebhooks.eventsToSend')}</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        {groupByObject(types.data.items).map((group) => (
          <fieldset key={group.object} className="rounded-lg border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold text-slate-900">{group.label}</legend>
            <div className="space-y-2">
              {group.types.map((type) => (
                <label key={type.name} className="flex items-start gap-3">
                  <input
                    type="checkbox"
                    name="events"
                    value={type.name}
                    checked={selected.includes(type.name)}
                    onChange={(e) => toggle(type.name, e.target.checked)}
                    className="mt-1 h-4 w-4 shrink-0"
                  />
                  <span>
                    <code className="block text-sm font-semibold text-slate-900">{type.name}</code>
                    <span className="block text-sm text-slate-600">{type.description}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      {error && (
        <p id={errorId} className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
