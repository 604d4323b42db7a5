import { Link, useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { Button, EmptyState, ErrorState, Loading, PageHeader, TabLinks } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal } from '@/lib/portal';
import { usePortalAppointments } from './api';
import { AppointmentCard } from './AppointmentCard';
import { useClientTimes } from './zoned';

export function AppointmentsPage() {
  const t = useT();
  const { slug, base, branding } = usePortal();
  const [params] = useSearchParams();
  const when = params.get('when') === 'past' ? 'past' : 'upcoming';
  const upcoming = when === 'upcoming';
  const list = usePortalAppointments(slug, when);
  const times = useClientTimes();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="max-w-3xl">
      <PageHeader
        title={t('portalAppointments.title')}
        description={
          times.differs
            ? t('portalAppointments.descriptionDiffers', {
                name: branding.name,
                timezone: times.zone,
                business: times.businessZone,
              })
            : t('portalAppointments.description', { name: branding.name, timezone: times.zone })
        }
        actions={<BookLink to={`${base}/book`} />}
      />
      <TabLinks
        label={t('portalAppointments.tabsLabel')}
        tabs={[
          { to: `${base}/appointments`, label: t('portalAppointments.tabUpcoming'), selected: upcoming },
          {
            to: `${base}/appointments?when=past`,
            label: t('portalAppointments.tabPast'),
            selected: when === 'past',
          },
        ]}
      />
      {list.isPending || !times.ready ? (
        <Loading label={t('portalAppointments.loadingList')} />
      ) : list.isError ? (
        <ErrorState message={messageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={upcoming ? t('portalAppointments.emptyUpcoming') : t('portalAppointments.emptyPast')}
        >
          {upcoming
            ? t('portalAppointments.emptyUpcomingText', { name: branding.name })
            : t('portalAppointments.emptyPastText')}
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
          {t('portalAppointments.showMore')}
        </Button>
      )}
    </div>
  );
}

/** The way to book a new appointment, styled as the page's main button. */
export function BookLink({ to }: { to: string }) {
  const t = useT();
  return (
    <Link
      to={to}
      className="inline-flex min-h-10 items-center justify-center rounded-lg bg-brand px-4 py-2 text-sm font-semibold text-brand-fg shadow-sm hover:opacity-90"
    >
      {t('portalAppointments.book')}
    </Link>
  );
}
