import { NavLink } from 'react-router';
import { usePortal } from '@/lib/portal';
import { useUnreadCount } from './api';
import { bellLabel } from './bellLabel';

/** The bell in the portal's header: how much is new, and the way to it. */
export function NotificationBell() {
  const { slug, base } = usePortal();
  const count = useUnreadCount(slug);
  const unread = count.data?.unread_count ?? 0;
  return (
    <NavLink
      to={`${base}/notifications`}
      aria-label={bellLabel(unread)}
      className="relative inline-flex h-10 w-10 items-center justify-center rounded-lg text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-slate-100"
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
    </NavLink>
  );
}
