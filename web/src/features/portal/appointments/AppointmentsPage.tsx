import { useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { Button, EmptyState, ErrorState, Loading, PageHeader, TabLinks } from '@/components/ui';
import { usePortal } from '@/lib/portal';
import { usePortalAppointments } from './api';
import { AppointmentCard } from './AppointmentCard';

export function AppointmentsPage() {
  const { slug, base, branding } = usePortal();
  const [params] = useSearchParams();
  const when = params.get('when') === 'past' ? 'past' : 'upcoming';
  const list = usePortalAppointments(slug, when);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Appointments"
        description={`Your bookings with ${branding.name}, in ${branding.timezone} time.`}
      />
      <TabLinks
        label="Which appointments"
        tabs={[
          { to: `${base}/appointments`, label: 'Upcoming', selected: when === 'upcoming' },
          { to: `${base}/appointments?when=past`, label: 'Past', selected: when === 'past' },
        ]}
      />
      {list.isPending ? (
        <Loading label="Loading your appointments…" />
      ) : list.isError ? (
        <ErrorState message={messageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={when === 'upcoming' ? 'No upcoming appointments' : 'No past appointments'}>
          {when === 'upcoming'
            ? `When ${branding.name} books you in, your appointments appear here, and you can move or cancel them.`
            : 'Appointments you have had, or cancelled, are kept here.'}
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {items.map((a) => (
            <li key={a.id}>
              <AppointmentCard appointment={a} />
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <Button
          variant="secondary"
          className="mt-4"
          busy={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          Show more
        </Button>
      )}
    </div>
  );
}
