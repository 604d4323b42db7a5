import { Link } from 'react-router';
import { messageOf } from '@/api/problem';
import {
  Badge,
  Button,
  Cell,
  EmptyState,
  ErrorState,
  Loading,
  PageHeader,
  ResponsiveTable,
} from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { isAdmin, useConsoleMe, useForms } from './api';

const newFormLink =
  'inline-flex min-h-10 items-center rounded-lg bg-brand px-4 py-2 text-sm font-semibold text-brand-fg shadow-sm hover:opacity-90';

/** The intake forms: where each one lives on the web, and what came in through it. */
export function FormsPage() {
  const t = useT();
  const forms = useForms();
  const me = useConsoleMe();
  const admin = isAdmin(me.data);
  const items = forms.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <PageHeader
        title={t('consoleForms.title')}
        description={t('consoleForms.description')}
        actions={
          admin && (
            <Link to="/app/forms/new" className={newFormLink}>
              {t('consoleForms.new')}
            </Link>
          )
        }
      />
      {forms.isPending ? (
        <Loading label={t('consoleForms.loadingList')} />
      ) : forms.isError ? (
        <ErrorState
          title={t('consoleForms.loadListError')}
          message={messageOf(forms.error)}
          onRetry={() => void forms.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState
          title={t('consoleForms.emptyTitle')}
          action={
            admin && (
              <Link to="/app/forms/new" className={newFormLink}>
                {t('consoleForms.buildFirst')}
              </Link>
            )
          }
        >
          {t('consoleForms.emptyBody')}
        </EmptyState>
      ) : (
        <ResponsiveTable
          columns={[
            t('consoleForms.column.form'),
            t('consoleForms.column.status'),
            t('consoleForms.submissions'),
            { label: t('consoleForms.field.address'), className: 'hidden md:table-cell' },
          ]}
        >
          {items.map((f) => (
            <tr
              key={f.id}
              className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:table-row sm:rounded-none sm:border-0 sm:p-0 sm:shadow-none"
            >
              <td className="block pb-2 sm:table-cell sm:px-4 sm:py-3">
                <Link to={`/app/forms/${f.id}`} className="font-semibold text-slate-900 hover:underline">
                  {f.title}
                </Link>
              </td>
              <Cell label={t('consoleForms.column.status')}>
                {f.enabled ? (
                  <Badge tone="green">{t('consoleForms.open')}</Badge>
                ) : (
                  <Badge tone="grey">{t('consoleForms.closed')}</Badge>
                )}
              </Cell>
              <Cell label={t('consoleForms.submissions')}>
                <Link to={`/app/forms/${f.id}/submissions`} className="underline underline-offset-2">
                  {t('consoleForms.submissionCount', { count: f.submission_count })}
                </Link>
              </Cell>
              <Cell label={t('consoleForms.field.address')} wide="sm:hidden md:table-cell">
                <a
                  href={f.public_url}
                  target="_blank"
                  rel="noreferrer"
                  className="break-all underline underline-offset-2"
                >
                  {f.public_url}
                </a>
              </Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
      {forms.hasNextPage && (
        <Button
          variant="secondary"
          className="mt-4"
          busy={forms.isFetchingNextPage}
          onClick={() => void forms.fetchNextPage()}
        >
          {t('consoleForms.showMore')}
        </Button>
      )}
    </div>
  );
}
