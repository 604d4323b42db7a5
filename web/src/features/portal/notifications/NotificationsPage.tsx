import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { messageOf } from '@/api/problem';
import { Alert, Button, EmptyState, ErrorState, Loading, PageHeader, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { useReadOnly } from '@/lib/read-only';
import {
  markAllRead,
  markRead,
  targetPath,
  useNotifications,
  useNotificationsChanged,
  type Notification,
} from './api';

/** Everything the business did for the client, newest first; opening one marks it read. */
export function NotificationsPage() {
  const t = useT();
  const { slug, branding } = usePortal();
  const readOnly = useReadOnly();
  const toast = useToast();
  const list = useNotifications(slug);
  const changed = useNotificationsChanged(slug);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unread_count ?? 0;
  const allRead = useMutation({
    mutationFn: markAllRead,
    onSuccess: () => {
      changed();
      toast(t('portalNotifications.allMarked'));
    },
  });

  return (
    <div className="max-w-3xl">
      <PageHeader
        title={t('portalNotifications.title')}
        description={t('portalNotifications.description', { name: branding.name })}
        actions={
          !readOnly &&
          unread > 0 && (
            <Button variant="secondary" busy={allRead.isPending} onClick={() => allRead.mutate()}>
              {t('portalNotifications.markAll')}
            </Button>
          )
        }
      />
      {readOnly && (
        <div className="mb-4">
          <Alert tone="warning">{t('portalNotifications.readOnly')}</Alert>
        </div>
      )}
      {allRead.isError && (
        <div className="mb-4">
          <Alert tone="error">{messageOf(allRead.error)}</Alert>
        </div>
      )}
      {list.isPending ? (
        <Loading label={t('portalNotifications.loadingList')} />
      ) : list.isError ? (
        <ErrorState message={messageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('portalNotifications.nothingNew')}>
          {t('portalNotifications.nothingNewText', { name: branding.name })}
        </EmptyState>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700" aria-live="polite">
            {unread === 0
              ? t('portalNotifications.allRead')
              : unread > 99
                ? t('portalNotifications.unreadMany')
                : t('portalNotifications.unreadCount', { count: unread })}
          </p>
          <ul className="space-y-2">
            {items.map((n) => (
              <Item key={n.id} notification={n} readOnly={readOnly} onRead={changed} />
            ))}
          </ul>
        </>
      )}
      {list.hasNextPage && (
        <Button
          variant="secondary"
          className="mt-4"
          busy={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('portalNotifications.showOlder')}
        </Button>
      )}
    </div>
  );
}

function Item({
  notification: n,
  readOnly,
  onRead,
}: {
  notification: Notification;
  readOnly: boolean;
  onRead: () => void;
}) {
  const t = useT();
  const { base } = usePortal();
  const format = usePortalFormat();
  const read = useMutation({ mutationFn: () => markRead(n.id), onSettled: onRead });
  // Marked on the way to the object; the page it opens does not wait for it.
  const open = () => {
    if (!n.read && !readOnly) read.mutate();
  };
  return (
    <li>
      <article
        className={`relative flex gap-3 rounded-xl border p-4 shadow-sm hover:border-slate-300 ${
          n.read ? 'border-slate-200 bg-white' : 'border-brand/40 bg-sky-50/60'
        }`}
      >
        <span
          aria-hidden="true"
          className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${n.read ? 'bg-transparent' : 'bg-brand'}`}
        />
        <div className="min-w-0">
          <h2 className={`text-slate-900 ${n.read ? 'font-medium' : 'font-semibold'}`}>
            <Link
              to={targetPath(base, n.target)}
              onClick={open}
              aria-label={n.read ? undefined : t('portalNotifications.unreadTitle', { title: n.title })}
              className="after:absolute after:inset-0"
            >
              {n.title}
            </Link>
          </h2>
          {n.detail && <p className="mt-0.5 text-sm text-slate-700">{n.detail}</p>}
          <p className="mt-1 text-xs text-slate-600">
            <time dateTime={n.at}>{format.dateTime(n.at)}</time>
          </p>
        </div>
      </article>
    </li>
  );
}
