import { useId, useState, type KeyboardEvent } from 'react';
import { messageOf } from '@/api/problem';
import { Button, Spinner } from '@/components/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import { useT } from '@/lib/i18n/hooks';
import { useDebounced } from '@/lib/useDebounced';

export interface PickedClient {
  id: string;
  name: string;
}

/**
 * Search-as-you-type over the clients: a combobox whose list follows the typing. Arrow keys
 * move through the matches, Enter picks one, Escape closes the list.
 */
export function ClientPicker({
  value,
  onChange,
  error,
  label,
}: {
  value: PickedClient | null;
  onChange: (client: PickedClient | null) => void;
  error?: string;
  label?: string;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim(), 250);
  const search = useClientSearch(q);
  const matches = (search.data?.items ?? []).filter((c) => c.status !== 'archived').slice(0, 8);

  if (value) {
    return (
      <div className="space-y-1.5">
        <p id={`${id}-label`} className="block text-sm font-medium text-slate-800">
          {label ?? t('components.clientPicker.label')}
        </p>
        <div
          role="group"
          aria-labelledby={`${id}-label`}
          className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-300 bg-white px-3 py-1.5"
        >
          <span className="font-medium text-slate-900">{value.name}</span>
          <Button
            variant="ghost"
            onClick={() => onChange(null)}
            aria-label={t('components.clientPicker.changeLabel', { name: value.name })}
          >
            {t('components.clientPicker.change')}
          </Button>
        </div>
        {error && <p className="text-sm font-medium text-red-700">{error}</p>}
      </div>
    );
  }

  const pick = (i: number) => {
    const client = matches[i];
    if (!client) return;
    onChange({ id: client.id, name: client.name });
    setText('');
    setOpen(false);
  };

  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open && matches.length > 0) {
      e.preventDefault();
      pick(active);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const listId = `${id}-list`;
  const showList = open && (matches.length > 0 || (!search.isFetching && q !== '') || search.isError);
  return (
    <div className="relative space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label ?? t('components.clientPicker.label')}
      </label>
      <input
        id={id}
        role="combobox"
        type="text"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && matches[active] ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        value={text}
        placeholder={t('components.clientPicker.placeholder')}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={keyDown}
        className={`block w-full rounded-lg border bg-white px-3 py-2 text-[15px] text-slate-900 shadow-sm placeholder:text-slate-500 ${error ? 'border-red-600' : 'border-slate-300'}`}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {search.isFetching ? (
            <Spinner size="sm" label={t('components.clientPicker.searching')} />
          ) : (
            t('components.clientPicker.hint')
          )}
        </p>
      )}
      <ul
        id={listId}
        role="listbox"
        aria-label={t('components.clientPicker.matches')}
        hidden={!showList}
        className="absolute inset-x-0 top-full z-20 mt-1 max-h-72 overflow-auto rounded-lg border border-slate-200 bg-white py-1 shadow-lg"
      >
        {search.isError ? (
          <li className="px-3 py-2 text-sm text-red-700">{messageOf(search.error)}</li>
        ) : matches.length === 0 ? (
          <li className="px-3 py-2 text-sm text-slate-600">{t('components.clientPicker.noMatch', { q })}</li>
        ) : (
          matches.map((client, i) => (
            <li
              key={client.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(i)}
              onMouseEnter={() => setActive(i)}
              className={`cursor-pointer px-3 py-2 text-sm ${i === active ? 'bg-slate-100' : ''}`}
            >
              <span className="block font-medium text-slate-900">{client.name}</span>
              <span className="block text-slate-600">{client.company || client.email}</span>
            </li>
          ))
        )}
      </ul>
    </div>
  );
}

function useClientSearch(q: string) {
  return useQuery({
    queryKey: ['console', 'client-picker', q],
    queryFn: () => call(api.GET('/api/v1/clients', { params: { query: { q: q || undefined } } })),
    placeholderData: keepPreviousData,
  });
}
