import { messageOf } from '@/api/problem';
import { Alert, ErrorState, Loading, PageHeader } from '@/components/ui';
import { isAdmin, useBookingSettings, useConsoleMe } from './api';
import { HoursForm } from './HoursForm';
import { ServicesCard } from './ServicesCard';

export function BookingSettingsPage() {
  const me = useConsoleMe();
  const settings = useBookingSettings();
  const header = (
    <PageHeader
      title="Bookings"
      description="The services clients can book, your opening hours, and the rules for booking and cancelling."
    />
  );
  if (me.data && !isAdmin(me.data)) {
    return (
      <div className="max-w-2xl">
        {header}
        <Alert tone="info">
          Only owners and admins can change the services and opening hours. Ask one of them if something needs
          to change.
        </Alert>
      </div>
    );
  }
  return (
    <div className="max-w-4xl space-y-6">
      {header}
      <ServicesCard />
      {settings.isPending ? (
        <Loading label="Loading your opening hours…" />
      ) : settings.isError ? (
        <ErrorState
          title="The booking settings could not be loaded"
          message={messageOf(settings.error)}
          onRetry={() => void settings.refetch()}
        />
      ) : (
        // Keyed by what the server holds, so after saving the form starts again from it.
        <HoursForm key={JSON.stringify(settings.data)} settings={settings.data} />
      )}
    </div>
  );
}
