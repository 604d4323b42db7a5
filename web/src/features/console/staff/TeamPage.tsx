import { messageOf } from '@/api/problem';
import { Alert, EmptyState, ErrorState, Loading, PageHeader } from '@/components/ui';
import { useConsoleMe, useStaffList } from './api';
import { InviteStaffForm } from './InviteStaffForm';
import { StaffTable } from './StaffTable';

export function TeamPage() {
  const me = useConsoleMe();
  const header = (
    <PageHeader title="Team" description="The people who run your console, and what each may do." />
  );
  if (me.data && me.data.role !== 'owner' && me.data.role !== 'admin') {
    return (
      <div className="max-w-2xl">
        {header}
        <Alert tone="info">Only owners and admins can manage the team.</Alert>
      </div>
    );
  }
  return (
    <div>
      {header}
      <div className="space-y-8">
        <section aria-labelledby="team-title" className="min-w-0">
          <h2 id="team-title" className="mb-3 text-base font-semibold text-slate-900">
            Everyone on the team
          </h2>
          <Staff />
        </section>
        <InviteStaffForm />
      </div>
    </div>
  );
}

function Staff() {
  const me = useConsoleMe();
  const staff = useStaffList();
  if (staff.isPending) return <Loading label="Loading the team…" />;
  if (staff.isError) {
    return (
      <ErrorState
        title="The team could not be loaded"
        message={messageOf(staff.error)}
        onRetry={() => void staff.refetch()}
      />
    );
  }
  if (staff.data.items.length === 0) {
    // Cannot normally happen (you are on the team), but a blank area would look broken.
    return (
      <EmptyState title="Nobody here yet">
        Invite the people who work with you; they will be listed here.
      </EmptyState>
    );
  }
  return <StaffTable staff={staff.data.items} me={me.data} />;
}
