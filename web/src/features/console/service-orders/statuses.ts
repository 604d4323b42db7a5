import { t } from '@/lib/i18n';
import type { OrderStatus } from './api';

export const statusLooks: Record<OrderStatus, { tone: 'blue' | 'green' | 'grey'; labelKey: string }> = {
  received: { tone: 'grey', labelKey: 'consoleOrders.status.received' },
  in_progress: { tone: 'blue', labelKey: 'consoleOrders.status.inProgress' },
  ready: { tone: 'green', labelKey: 'consoleOrders.status.ready' },
  delivered: { tone: 'green', labelKey: 'consoleOrders.status.delivered' },
  cancelled: { tone: 'grey', labelKey: 'consoleOrders.status.cancelled' },
};

export const STATUSES = Object.keys(statusLooks) as OrderStatus[];

/** The step forward from each status, as its button says it. */
export const NEXT: Partial<Record<OrderStatus, { status: OrderStatus; labelKey: string }>> = {
  received: { status: 'in_progress', labelKey: 'consoleOrders.next.start' },
  in_progress: { status: 'ready', labelKey: 'consoleOrders.next.ready' },
  ready: { status: 'delivered', labelKey: 'consoleOrders.next.delivered' },
};

export function canCancel(status: OrderStatus): boolean {
  return status === 'received' || status === 'in_progress' || status === 'ready';
}

/** What the toast says once the order has moved; the server emails the client about each move. */
export function movedMessage(order: { reference: string; client_name: string; status: OrderStatus }): string {
  const values = { reference: order.reference, client: order.client_name };
  switch (order.status) {
    case 'in_progress':
      return t('consoleOrders.moved.started', values);
    case 'ready':
      return t('consoleOrders.moved.ready', values);
    case 'delivered':
      return t('consoleOrders.moved.delivered', values);
    case 'cancelled':
      return t('consoleOrders.moved.cancelled', values);
    default:
      return t('consoleOrders.moved.other', { ...values, status: order.status });
  }
}

/** A plain date ("2026-12-04") in the locale, e.g. "4 Dec 2026". */
export function formatPlainDate(date: string | null | undefined, locale: string): string {
  if (!date) return '—';
  const d = new Date(`${date.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
