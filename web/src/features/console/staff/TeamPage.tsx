import { messageOf } from '@/api/problem';
import { Alert, EmptyState, ErrorState, Loading, PageHeader } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { useConsoleMe, useStaffList } from './api';
import { InviteStaffForm } from './InviteStaffForm';
import { StaffTable } from './StaffTable';

export function TeamPage() {
  const t = useT();
  const me = useConsoleMe();
  const header = <PageHeader title={t('consoleStaff.title')} description={t('consoleStaff.description')} />;
  if (me.data && me.data.role !== 'owner' && me.data.role !== 'admin') {
    return (
      <div className="max-w-2xl">
        {header}
        <Alert tone="info">{t('consoleStaff.adminsOnly')}</Alert>
      </div>
    );
  }
  return (
    <div>
      {header}
      <div className="space-y-8">
        <section aria-labelledby="team-title" className="min-w-0">
          <h2 id="team-title" className="mb-3 text-base font-semibold text-slate-900">
            {t('consoleStaff.everyone')}
          </h2>
          <Staff />
        </section>
        <InviteStaffForm />
      </div>
    </div>
  );
}

function Staff() {
  const t = useT();
  const me = useConsoleMe();
  const staff = useStaffList();
  if (staff.isPending) return <Loading label={t('consoleStaff.loading')} />;
  if (staff.isError) {
    return (
      <ErrorState
        title={t('consoleStaff.loadFailed')}
        message={messageOf(staff.error)}
        onRetry={() => void staff.refetch()}
      />
    );
  }
  if (staff.data.items.length === 0) {
    // Cannot normally happen (you are on the team), but a blank area would look broken.
    return <EmptyState title={t('consoleStaff.emptyTitle')}>{t('consoleStaff.emptyText')}</EmptyState>;
  }
  return <StaffTable staff={staff.data.items} me={me.data} />;
}
