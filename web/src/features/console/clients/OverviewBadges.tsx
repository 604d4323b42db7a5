import type { components } from '@/api/schema';
import { Badge } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';

type Tone = 'amber' | 'blue' | 'green' | 'grey' | 'red';
type Look = { tone: Tone; key: string };

// The words are the ones the appointments, orders and projects screens use, so a status
// reads the same on the client's page as on its own.
const appointmentLooks: Record<components['schemas']['AppointmentStatus'], Look> = {
  pending: { tone: 'amber', key: 'consoleAppointments.status.pending' },
  confirmed: { tone: 'blue', key: 'consoleAppointments.status.confirmed' },
  completed: { tone: 'green', key: 'consoleAppointments.status.completed' },
  cancelled: { tone: 'grey', key: 'consoleAppointments.status.cancelled' },
  no_show: { tone: 'red', key: 'consoleAppointments.status.noShow' },
};

const orderLooks: Record<components['schemas']['ServiceOrderStatus'], Look> = {
  received: { tone: 'grey', key: 'consoleOrders.status.received' },
  in_progress: { tone: 'blue', key: 'consoleOrders.status.inProgress' },
  ready: { tone: 'green', key: 'consoleOrders.status.ready' },
  delivered: { tone: 'green', key: 'consoleOrders.status.delivered' },
  cancelled: { tone: 'grey', key: 'consoleOrders.status.cancelled' },
};

const projectLooks: Record<components['schemas']['ProjectStatus'], Look> = {
  planned: { tone: 'amber', key: 'consoleProjects.status.planned' },
  active: { tone: 'blue', key: 'consoleProjects.status.active' },
  on_hold: { tone: 'amber', key: 'consoleProjects.status.onHold' },
  completed: { tone: 'green', key: 'consoleProjects.status.completed' },
  cancelled: { tone: 'grey', key: 'consoleProjects.status.cancelled' },
};

function LookBadge({ looks, status }: { looks: Record<string, Look>; status: string }) {
  const t = useT();
  const look = looks[status];
  // A status newer than this build: its own name, rather than nothing.
  return <Badge tone={look?.tone ?? 'grey'}>{look ? t(look.key) : status.replaceAll('_', ' ')}</Badge>;
}

export const AppointmentBadge = ({ status }: { status: string }) => (
  <LookBadge looks={appointmentLooks} status={status} />
);
export const OrderBadge = ({ status }: { status: string }) => (
  <LookBadge looks={orderLooks} status={status} />
);
export const ProjectBadge = ({ status }: { status: string }) => (
  <LookBadge looks={projectLooks} status={status} />
);
