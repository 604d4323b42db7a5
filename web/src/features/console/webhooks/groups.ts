import type { EventType } from './api';

const OBJECTS: Record<string, string> = {
  client: 'Clients',
  appointment: 'Appointments',
  service_order: 'Service orders',
  deliverable: 'Deliverables',
  message: 'Messages',
  quote: 'Quotes',
  contract: 'Contracts',
  invoice: 'Invoices',
  payment: 'Payments',
  feedback: 'Feedback',
};

/** Event types grouped by the object they are about, in the API's order. */
export function groupByObject(types: EventType[]): { object: string; label: string; types: EventType[] }[] {
  const groups: { object: string; label: string; types: EventType[] }[] = [];
  for (const type of types) {
    let group = groups.find((g) => g.object === type.object);
    if (!group) {
      group = { object: type.object, label: OBJECTS[type.object] ?? type.object, types: [] };
      groups.push(group);
    }
    group.types.push(type);
  }
  return groups;
}
