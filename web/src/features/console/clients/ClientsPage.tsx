import { Link } from 'react-router';
import { ListBody, ListFilterBar } from '@/components/ListFilters';
import { linkButton } from '@/components/styles';
import { EmptyState, PageHeader } from '@/components/ui';
import { useT, type Translate } from '@/lib/i18n/hooks';
import { useListFilters } from '@/lib/useListFilters';
import { useClients } from './api';
import { ClientsTable } from './ClientsTable';

const STATUS_FILTERS = [
  { value: 'lead', labelKey: 'consoleClients.filter.leads' },
  { value: 'active', labelKey: 'consoleClients.status.active' },
  { value: 'archived', labelKey: 'consoleClients.status.archived' },
  { value: 'all', labelKey: 'consoleClients.filter.all' },
] as const;

export function ClientsPage() {
  const t = useT();
  // The URL holds the search and filter, so a reload or a shared link shows the same list.
  const filters = useListFilters();
  const { q } = filters;
  const status = filters.get('status');
  const clients = useClients(q, status);
  const items = clients.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div>
      <PageHeader
        title={t('consoleClients.title')}
        description={t('consoleClients.description')}
        actions={
          <Link to="/app/clients/new" className={linkButton}>
            {t('consoleClients.new')}
          </Link>
        }
      />
      <ListFilterBar
        id="client"
        filters={filters}
        placeholder={t('consoleClients.searchPlaceholder')}
        statuses={STATUS_FILTERS.map((s) => ({ value: s.value, label: t(s.labelKey) }))}
        allStatuses={t('consoleClients.filter.default')}
      />
      <ListBody
        query={clients}
        count={items.length}
        what={t('consoleClients.what')}
        filters={filters}
        clearLabel={t('consoleClients.clearFilters')}
        noMatch={noMatch(t, q, status)}
        empty={
          <EmptyState
            title={t('consoleClients.emptyTitle')}
            action={
              <Link to="/app/clients/new" className={linkButton}>
                {t('consoleClients.addFirst')}
              </Link>
            }
          >
            {t('consoleClients.emptyBody')}
          </EmptyState>
        }
      >
        <ClientsTable clients={items} />
      </ListBody>
    </div>
  );
}

function noMatch(t: Translate, q: string, status: string): string {
  if (q && status) return t('consoleClients.noMatchSearchStatus', { q });
  if (q) return t('consoleClients.noMatchSearch', { q });
  return t('consoleClients.noMatchStatus');
}
