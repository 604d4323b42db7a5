import { t } from '@/lib/i18n';

/** "Notifications, 3 unread": the count is in the name, since the badge is only drawn. */
export function bellLabel(unread: number): string {
  if (unread <= 0) return t('portalNotifications.bell');
  if (unread > 99) return t('portalNotifications.bellMany');
  return t('portalNotifications.bellUnread', { count: unread });
}
