import { messageOf } from '@/api/problem';
import { Alert, ErrorState, Loading, PageHeader } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { isAdmin, useBookingSettings, useConsoleMe } from './api';
import { HoursForm } from './HoursForm';
import { ServicesCard } from './ServicesCard';

export function BookingSettingsPage() {
  const t = useT();
  const me = useConsoleMe();
  const settings = useBookingSettings();
  const header = (
    <PageHeader title={t('consoleBooking.title')} description={t('consoleBooking.description')} />
  );
  if (me.data && !isAdmin(me.data)) {
    return (
      <div className="max-w-2xl">
        {header}
        <Alert tone="info">{t('consoleBooking.adminsOnly')}</Alert>
      </div>
    );
  }
  return (
    <div className="max-w-4xl space-y-6">
      {header}
      <ServicesCard />
      {settings.isPending ? (
        <Loading label={t('consoleBooking.loadingHours')} />
      ) : settings.isError ? (
        <ErrorState
          title={t('consoleBooking.loadFailed')}
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
