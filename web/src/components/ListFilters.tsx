import type { ReactNode } from 'react';
import { messageOf } from '@/api/problem';
import { Alert, Button, EmptyState, ErrorState, Loading, Spinner } from '@/components/ui';
import type { ListFilters } from '@/lib/useListFilters';
import { labelClass, searchInput, select } from './styles';

/** The search box and the status filter above a list. */
export function ListFilterBar({
  id,
  filters,
  placeholder,
  statuses,
  allStatuses = 'All statuses',
  children,
}: {
  /** Prefixes the fields' ids: `${id}-search`, `${id}-status`. */
  id: string;
  filters: ListFilters;
  placeholder: string;
  statuses: { value: string; label: string }[];
  /** The first choice, which sets no status. */
  allStatuses?: string;
  /** More filters, after the status. */
  children?: ReactNode;
}) {
  return (
    <div role="search" className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="flex-1 space-y-1.5">
        <label htmlFor={`${id}-search`} className={labelClass}>
          Search
        </label>
        <input
          id={`${id}-search`}
          type="search"
          value={filters.text}
          onChange={(e) => filters.setText(e.target.value)}
          placeholder={placeholder}
          className={searchInput}
        />
      </div>
      <div className="space-y-1.5 sm:w-56">
        <label htmlFor={`${id}-status`} className={labelClass}>
          Status
        </label>
        <select
          id={`${id}-status`}
          value={filters.get('status')}
          onChange={(e) => filters.setParam('status', e.target.value)}
          className={select}
        >
          <option value="">{allStatuses}</option>
          {statuses.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      {children}
    </div>
  );
}

interface ListQuery {
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  hasNextPage: boolean;
  error: unknown;
  data: unknown;
  refetch: () => unknown;
  fetchNextPage: () => unknown;
}

/** Loading, error, empty (filtered or not), the table, and "Load more". */
export function ListBody({
  query,
  count,
  what,
  filters,
  empty,
  noMatch,
  clearLabel = 'Clear search and filters',
  children,
}: {
  query: ListQuery;
  count: number;
  /** Plural, e.g. "quotes". */
  what: string;
  filters: ListFilters;
  /** What to say when there is nothing at all yet. */
  empty: ReactNode;
  /** What to say, before "Try another search or status.", when the search and filters match nothing. */
  noMatch?: ReactNode;
  clearLabel?: string;
  children: ReactNode;
}) {
  return (
    <>
      <div aria-live="polite" className="mb-2 min-h-5 text-sm text-slate-600">
        {query.isFetching && !query.isFetchingNextPage && query.data ? (
          <Spinner size="sm" label="Updating…" />
        ) : null}
      </div>
      {query.isPending ? (
        <Loading label={`Loading ${what}…`} />
      ) : query.isError && !query.data ? (
        <ErrorState
          title={`The ${what} could not be loaded`}
          message={messageOf(query.error)}
          onRetry={() => void query.refetch()}
        />
      ) : count === 0 ? (
        filters.filtered ? (
          <EmptyState
            title={`No ${what} match`}
            action={
              <Button variant="secondary" onClick={filters.clear}>
                {clearLabel}
              </Button>
            }
          >
            {noMatch ? <>{noMatch} </> : null}Try another search or status.
          </EmptyState>
        ) : (
          empty
        )
      ) : (
        <>
          {children}
          {query.isFetchNextPageError && (
            <div className="mt-4">
              <Alert tone="error">{messageOf(query.error)}</Alert>
            </div>
          )}
          {query.hasNextPage && (
            <div className="mt-4 flex justify-center">
              <Button
                variant="secondary"
                busy={query.isFetchingNextPage}
                onClick={() => void query.fetchNextPage()}
              >
                Load more {what}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
