import { Badge } from '@/components/ui';
import type { EndpointStatus, EventType } from './api';

const STATUS: Record<EndpointStatus, { label: string; tone: 'blue' | 'red' | 'grey' }> = {
  active: { label: 'Active', tone: 'blue' },
  failing: { label: 'Failing', tone: 'red' },
  disabled: { label: 'Disabled', tone: 'grey' },
};

export function EndpointStatusBadge({ status }: { status: EndpointStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}

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
