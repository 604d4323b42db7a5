/** "Notifications, 3 unread": the count is in the name, since the badge is only drawn. */
export function bellLabel(unread: number): string {
  if (unread <= 0) return 'Notifications';
  return `Notifications, ${unread > 99 ? 'more than 99' : unread} unread`;
}
