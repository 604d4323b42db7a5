import type { OrderStatus } from './api';

export const statusLooks: Record<OrderStatus, { tone: 'blue' | 'green' | 'grey'; label: string }> = {
  received: { tone: 'grey', label: 'Received' },
  in_progress: { tone: 'blue', label: 'In progress' },
  ready: { tone: 'green', label: 'Ready' },
  delivered: { tone: 'green', label: 'Delivered' },
  cancelled: { tone: 'grey', label: 'Cancelled' },
};

export const STATUSES = Object.keys(statusLooks) as OrderStatus[];

/** The step forward from each status, as its button says it. */
export const NEXT: Partial<Record<OrderStatus, { status: OrderStatus; label: string }>> = {
  received: { status: 'in_progress', label: 'Start work' },
  in_progress: { status: 'ready', label: 'Mark ready' },
  ready: { status: 'delivered', label: 'Mark delivered' },
};

export function canCancel(status: OrderStatus): boolean {
  return status === 'received' || status === 'in_progress' || status === 'ready';
}

/** What the toast says once the order has moved; the server emails the client about each move. */
export function movedMessage(order: { reference: string; client_name: string; status: OrderStatus }): string {
  const emailed = `${order.client_name} has been emailed`;
  switch (order.status) {
    case 'in_progress':
      return `Work on ${order.reference} started — ${emailed}`;
    case 'ready':
      return `${order.reference} marked ready — ${emailed}`;
    case 'delivered':
      return `${order.reference} marked delivered — ${emailed}`;
    case 'cancelled':
      return `${order.reference} cancelled — ${emailed}`;
    default:
      return `${order.reference} is now ${statusLooks[order.status].label.toLowerCase()}`;
  }
}

/** A plain date ("2026-12-04") in the locale, e.g. "4 Dec 2026". */
export function formatPlainDate(date: string | null | undefined, locale: string): string {
  if (!date) return '—';
  const d = new Date(`${date.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
