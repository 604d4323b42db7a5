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
import { isAdmin, useConsoleMe, useForms } from './api';

const newFormLink =
  'inline-flex min-h-10 items-center rounded-lg bg-brand px-4 py-2 text-sm font-semibold text-brand-fg shadow-sm hover:opacity-90';

/** The intake forms: where each one lives on the web, and what came in through it. */
export function FormsPage() {
  const forms = useForms();
  const me = useConsoleMe();
  const admin = isAdmin(me.data);
  const items = forms.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <PageHeader
        title="Forms"
        description="Intake forms on your portal's web address. Someone new who sends one becomes a lead."
        actions={
          admin && (
            <Link to="/app/forms/new" className={newFormLink}>
              New form
            </Link>
          )
        }
      />
      {forms.isPending ? (
        <Loading label="Loading forms…" />
      ) : forms.isError ? (
        <ErrorState
          title="The forms could not be loaded"
          message={messageOf(forms.error)}
          onRetry={() => void forms.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState
          title="No forms yet"
          action={
            admin && (
              <Link to="/app/forms/new" className={newFormLink}>
                Build your first form
              </Link>
            )
          }
        >
          A form asks visitors what you need to know (“Start a project”, “Book a call”). Share its link; each
          answer lands here, and someone new is added to your clients as a lead.
        </EmptyState>
      ) : (
        <ResponsiveTable
          columns={['Form', 'Status', 'Submissions', { label: 'Address', className: 'hidden md:table-cell' }]}
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
              <Cell label="Status">
                {f.enabled ? <Badge tone="green">Open</Badge> : <Badge tone="grey">Closed</Badge>}
              </Cell>
              <Cell label="Submissions">
                <Link to={`/app/forms/${f.id}/submissions`} className="underline underline-offset-2">
                  {f.submission_count === 1 ? '1 submission' : `${f.submission_count} submissions`}
                </Link>
              </Cell>
              <Cell label="Address" wide="sm:hidden md:table-cell">
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
          Show more
        </Button>
      )}
    </div>
  );
}
