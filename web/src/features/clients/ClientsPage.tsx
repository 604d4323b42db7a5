import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { Alert, Button, EmptyState, ErrorState, Loading, PageHeader, Spinner } from '@/components/ui';
import { useClients } from './api';
import { ClientsTable } from './ClientsTable';
import { useDebounced } from '@/lib/useDebounced';

const STATUS_FILTERS = [
  { value: '', label: 'Active and leads' },
  { value: 'lead', label: 'Leads' },
  { value: 'active', label: 'Active' },
  { value: 'archived', label: 'Archived' },
  { value: 'all', label: 'All, archived too' },
];

const linkButton =
  'inline-flex min-h-10 items-center justify-center rounded-lg bg-brand px-4 py-2 text-sm font-semibold text-brand-fg shadow-sm hover:opacity-90';

export function ClientsPage() {
  const [params, setParams] = useSearchParams();
  // The URL holds the search and filter, so a reload or a shared link shows the same list.
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const [text, setText] = useState(q);
  const typed = useDebounced(text.trim(), 300);

  // The address can change without typing (the Clients link in the menu, back and forward):
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

  const clients = useClients(q, status);
  const items = clients.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(q || status);
  const clearFilters = () => {
    setText('');
    setParams(new URLSearchParams(), { replace: true });
  };

  return (
    <div>
      <PageHeader
        title="Clients"
        description="Everyone you work with, and whether they use your portal."
        actions={
          <Link to="/app/clients/new" className={linkButton}>
            New client
          </Link>
        }
      />
      <div role="search" className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1 space-y-1.5">
          <label htmlFor="client-search" className="block text-sm font-medium text-slate-800">
            Search
          </label>
          <input
            id="client-search"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Name, email or company"
            className="block h-10 w-full rounded-lg border border-slate-300 bg-white px-3 text-[15px] text-slate-900 shadow-sm placeholder:text-slate-500"
          />
        </div>
        <div className="space-y-1.5 sm:w-56">
          <label htmlFor="client-status" className="block text-sm font-medium text-slate-800">
            Status
          </label>
          <select
            id="client-status"
            value={status}
            onChange={(e) => setParam('status', e.target.value)}
            className="block h-10 w-full rounded-lg border border-slate-300 bg-white px-3 text-[15px] text-slate-900 shadow-sm"
          >
            {STATUS_FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div aria-live="polite" className="mb-2 min-h-5 text-sm text-slate-600">
        {clients.isFetching && !clients.isFetchingNextPage && clients.data ? (
          <Spinner size="sm" label="Updating…" />
        ) : null}
      </div>

      {clients.isPending ? (
        <Loading label="Loading clients…" />
      ) : clients.isError && !clients.data ? (
        <ErrorState
          title="The clients could not be loaded"
          message={messageOf(clients.error)}
          onRetry={() => void clients.refetch()}
        />
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No clients match"
            action={
              <Button variant="secondary" onClick={clearFilters}>
                Clear search and filter
              </Button>
            }
          >
            {noMatch(q, status)} Try another search or status.
          </EmptyState>
        ) : (
          <EmptyState
            title="No clients yet"
            action={
              <Link to="/app/clients/new" className={linkButton}>
                Add your first client
              </Link>
            }
          >
            Add your first client, then invite them to the portal, where they can see their details and
            everything you share with them.
          </EmptyState>
        )
      ) : (
        <>
          <ClientsTable clients={items} />
          {clients.isFetchNextPageError && (
            <div className="mt-4">
              <Alert tone="error">{messageOf(clients.error)}</Alert>
            </div>
          )}
          {clients.hasNextPage && (
            <div className="mt-4 flex justify-center">
              <Button
                variant="secondary"
                busy={clients.isFetchingNextPage}
                onClick={() => void clients.fetchNextPage()}
              >
                Load more clients
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function noMatch(q: string, status: string): string {
  if (q && status) return `No client matching “${q}” has this status.`;
  if (q) return `No client’s name, email or company contains “${q}”.`;
  return 'No clients have this status.';
}
