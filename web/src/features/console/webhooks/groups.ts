import { t } from '@/lib/i18n';
import type { EventType } from './api';

/** The catalog key of each object's group heading. */
const OBJECT_KEYS: Record<string, string> = {
  client: 'consoleWebhooks.object.client',
  appointment: 'consoleWebhooks.object.appointment',
  service_order: 'consoleWebhooks.object.serviceOrder',
  deliverable: 'consoleWebhooks.object.deliverable',
  message: 'consoleWebhooks.object.message',
  quote: 'consoleWebhooks.object.quote',
  contract: 'consoleWebhooks.object.contract',
  invoice: 'consoleWebhooks.object.invoice',
  payment: 'consoleWebhooks.object.payment',
  feedback: 'consoleWebhooks.object.feedback',
};

/** Event types grouped by the object they are about, in the API's order. */
export function groupByObject(types: EventType[]): { object: string; label: string; types: EventType[] }[] {
  const groups: { object: string; label: string; types: EventType[] }[] = [];
  for (const type of types) {
    let group = groups.find((g) => g.object === type.object);
    if (!group) {
      const key = OBJECT_KEYS[type.object];
      group = { object: type.object, label: key ? t(key) : type.object, types: [] };
      groups.push(group);
    }
    group.types.push(type);
  }
  return groups;
}
