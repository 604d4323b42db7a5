import type { ReactNode } from 'react';
import { messageOf } from '@/api/problem';
import { Alert, Button, EmptyState, ErrorState, Loading, Spinner } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import type { ListFilters } from '@/lib/useListFilters';
import { labelClass, searchInput, select } from './styles';

/** The search box and the status filter above a list. */
export function ListFilterBar({
  id,
  filters,
  placeholder,
  statuses,
  allStatuses,
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
  const t = useT();
  return (
    <div role="search" className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="flex-1 space-y-1.5">
        <label htmlFor={`${id}-search`} className={labelClass}>
          {t('components.list.search')}
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
          {t('components.list.status')}
        </label>
        <select
          id={`${id}-status`}
          value={filters.get('status')}
          onChange={(e) => filters.setParam('status', e.target.value)}
          className={select}
        >
          <option value="">{allStatuses ?? t('components.list.allStatuses')}</option>
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
  clearLabel,
  children,
}: {
  query: ListQuery;
  count: number;
  /**
   * The listed things in the plural, as they read inside a sentence ("quotes", "Angebote",
   * "devis", "presupuestos"): the messages here put them after "Loading", "Load more"…
   */
  what: string;
  filters: ListFilters;
  /** What to say when there is nothing at all yet. */
  empty: ReactNode;
  /** What to say, before "Try another search or status.", when the search and filters match nothing. */
  noMatch?: ReactNode;
  clearLabel?: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <div aria-live="polite" className="mb-2 min-h-5 text-sm text-slate-600">
        {query.isFetching && !query.isFetchingNextPage && query.data ? (
          <Spinner size="sm" label={t('components.list.updating')} />
        ) : null}
      </div>
      {query.isPending ? (
        <Loading label={t('components.list.loading', { what })} />
      ) : query.isError && !query.data ? (
        <ErrorState
          title={t('components.list.loadFailed', { what })}
          message={messageOf(query.error)}
          onRetry={() => void query.refetch()}
        />
      ) : count === 0 ? (
        filters.filtered ? (
          <EmptyState
            title={t('components.list.noMatch', { what })}
            action={
              <Button variant="secondary" onClick={filters.clear}>
                {clearLabel ?? t('components.list.clear')}
              </Button>
            }
          >
            {noMatch ? <>{noMatch} </> : null}
            {t('components.list.tryAnother')}
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
                {t('components.list.loadMore', { what })}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
