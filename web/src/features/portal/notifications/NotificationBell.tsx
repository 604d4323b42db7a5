import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { messageOf } from '@/api/problem';
import { Spinner } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { useReadOnly } from '@/lib/read-only';
import { useDropdown } from '@/lib/useDropdown';
import {
  markRead,
  targetPath,
  useLatestNotifications,
  useNotificationsChanged,
  useUnreadCount,
  type Notification,
} from './api';
import { bellLabel } from './bellLabel';

/**
 * The bell in the portal's header: how much is new, and, when pressed, the latest few, each
 * leading to what it is about, with the way to all of them.
 */
export function NotificationBell() {
  const t = useT();
  const { slug, base } = usePortal();
  const count = useUnreadCount(slug);
  const unread = count.data?.unread_count ?? 0;
  const { open, setOpen, panelId, box, button } = useDropdown();

  return (
    <div ref={box} className="relative">
      <button
        ref={button}
        type="button"
        aria-label={bellLabel(unread)}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="relative inline-flex h-10 w-10 items-center justify-center rounded-lg text-slate-700 hover:bg-slate-100 aria-expanded:bg-slate-100"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path strokeLinecap="round" strokeLinejoin="round" d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path strokeLinecap="round" strokeLinejoin="round" d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span
            aria-hidden="true"
            data-testid="unread-badge"
            className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-600 px-1.5 text-center text-xs leading-5 font-semibold text-white"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {/* On a phone the bell is not at the screen's edge: the panel spans the screen instead. */}
      {open && (
        <div
          id={panelId}
          role="region"
          aria-label={t('portalNotifications.latest')}
          className="fixed inset-x-4 top-16 z-30 rounded-xl border border-slate-200 bg-white shadow-lg sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-2 sm:w-96"
        >
          <Latest onLeave={() => setOpen(false)} />
          <div className="border-t border-slate-100 px-4 py-2.5">
            <Link
              to={`${base}/notifications`}
              onClick={() => setOpen(false)}
              className="text-sm font-medium text-brand-ink underline-offset-2 hover:underline"
            >
              {t('portalNotifications.seeAll')}
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}

function Latest({ onLeave }: { onLeave: () => void }) {
  const t = useT();
  const { slug } = usePortal();
  const latest = useLatestNotifications(slug, true);
  if (latest.isPending) {
    return (
      <p className="flex items-center gap-2 px-4 py-3 text-sm text-slate-600">
        <Spinner size="sm" /> {t('portalNotifications.loading')}
      </p>
    );
  }
  if (latest.isError) return <p className="px-4 py-3 text-sm text-red-700">{messageOf(latest.error)}</p>;
  const items = latest.data.items;
  if (items.length === 0)
    return <p className="px-4 py-3 text-sm text-slate-600">{t('portalNotifications.nothingNewShort')}</p>;
  return (
    <ul className="max-h-[60vh] divide-y divide-slate-100 overflow-y-auto">
      {items.map((n) => (
        <Line key={n.id} notification={n} onLeave={onLeave} />
      ))}
    </ul>
  );
}

function Line({ notification: n, onLeave }: { notification: Notification; onLeave: () => void }) {
  const t = useT();
  const { slug, base } = usePortal();
  const format = usePortalFormat();
  const readOnly = useReadOnly();
  const changed = useNotificationsChanged(slug);
  const read = useMutation({ mutationFn: () => markRead(n.id), onSettled: changed });
  return (
    <li>
      <Link
        to={targetPath(base, n.target)}
        onClick={() => {
          // Marked on the way to the object; the page it opens does not wait for it.
          if (!n.read && !readOnly) read.mutate();
          onLeave();
        }}
        aria-label={n.read ? undefined : t('portalNotifications.unreadTitle', { title: n.title })}
        className="flex gap-2.5 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50"
      >
        <span
          aria-hidden="true"
          className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.read ? 'bg-transparent' : 'bg-brand'}`}
        />
        <span className="min-w-0">
          <span className={`block text-sm text-slate-900 ${n.read ? '' : 'font-semibold'}`}>{n.title}</span>
          <time dateTime={n.at} className="block text-xs text-slate-600">
            {format.dateTime(n.at)}
          </time>
        </span>
      </Link>
    </li>
  );
}
