import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebounced } from '@/lib/useDebounced';

/**
 * A list's search and filters, kept in the URL so a reload or a shared link shows the same
 * list. The search box writes the URL once the typing settles.
 */
export function useListFilters() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const typed = useDebounced(text.trim(), 300);
  // The address can change without typing (the list's link in the menu, back and forward):
  // the box follows it, unless it already says the same.
  const [shownQ, setShownQ] = useState(q);
  if (q !== shownQ) {
    setShownQ(q);
    if (q !== text.trim()) setText(q);
  }
  const setParam = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  useEffect(() => {
    if (typed !== q) setParam('q', typed);
    // Only settled typing writes the address; a change of address alone must not write it back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);
  return {
    q,
    text,
    setText,
    get: (name: string) => params.get(name) ?? '',
    setParam,
    filtered: [...params.keys()].length > 0,
    clear: () => {
      setText('');
      setParams(new URLSearchParams(), { replace: true });
    },
  };
}

export type ListFilters = ReturnType<typeof useListFilters>;
