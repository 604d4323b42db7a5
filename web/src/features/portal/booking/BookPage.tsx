import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { BookingSteps } from '@/components/booking/BookingSteps';
import { BookingSummary } from '@/components/booking/BookingSummary';
import { useBookingChoice } from '@/components/booking/choice';
import { Alert, Button, ErrorState, Loading, PageHeader, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { useClientZone } from '@/lib/portal-zone';
import { useReadOnly } from '@/lib/read-only';
import { bookAppointment, useBookingOptions, useBookingSlots, type BookingOptions } from './api';

/** A client books for themselves: service, whom, a free time on their clock, notes, confirm. */
export function BookPage() {
  const t = useT();
  const { slug, base, branding } = usePortal();
  const options = useBookingOptions(slug);
  const missing = options.error instanceof ApiProblem && options.error.status === 404;
  return (
    <div className="max-w-3xl">
      <PageHeader
        title={t('portalBooking.title')}
        description={t('portalBooking.description', { name: branding.name })}
      />
      {options.isPending ? (
        <Loading label={t('portalBooking.loading')} />
      ) : missing ? (
        <Alert tone="info">{t('portalBooking.unavailable', { name: branding.name })}</Alert>
      ) : options.isError ? (
        <ErrorState message={messageOf(options.error)} onRetry={() => void options.refetch()} />
      ) : (
        <Booking options={options.data} />
      )}
      <p className="mt-8">
        <Link
          to={`${base}/appointments`}
          className="text-sm font-medium text-brand-ink underline-offset-2 hover:underline"
        >
          {t('portalBooking.allAppointments')}
        </Link>
      </p>
    </div>
  );
}

function Booking({ options }: { options: BookingOptions }) {
  const t = useT();
  const { slug, base } = usePortal();
  const { locale } = usePortalFormat();
  const { zone } = useClientZone();
  const readOnly = useReadOnly();
  const [params] = useSearchParams();
  const choice = useBookingChoice({ options, readerZone: zone, service: params.get('service') });
  const slots = useBookingSlots(
    slug,
    choice.service
      ? {
          service_id: choice.service.id,
          ...(choice.staffId ? { staff_id: choice.staffId } : {}),
          ...choice.range,
        }
      : null,
  );
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [gone, setGone] = useState<string | null>(null);

  const confirm = async () => {
    if (!choice.service || !choice.slot) return;
    setBusy(true);
    setError(null);
    try {
      const notes = choice.notes.trim();
      const made = await bookAppointment({
        service_id: choice.service.id,
        ...(choice.staffId ? { staff_id: choice.staffId } : {}),
        starts_at: choice.slot.starts_at,
        ...(notes ? { notes } : {}),
      });
      void queryClient.invalidateQueries({ queryKey: ['portal', slug, 'appointments'] });
      void queryClient.invalidateQueries({ queryKey: ['portal', slug, 'dashboard'] });
      toast(made.status === 'pending' ? t('portalBooking.requested') : t('portalBooking.booked'));
      navigate(`${base}/appointments/${made.id}`);
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 409) {
        setGone(messageOf(e));
        choice.slotGone();
        void queryClient.invalidateQueries({ queryKey: ['portal', slug, 'booking', 'slots'] });
      } else {
        setError(messageOf(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <BookingSteps
      choice={choice}
      options={options}
      locale={locale}
      readerZone={zone}
      slots={{
        data: slots.data?.slots,
        loading: slots.isPending && slots.fetchStatus !== 'idle',
        error: slots.isError ? messageOf(slots.error) : null,
      }}
      notice={gone}
      finalTitle={t('portalBooking.reviewTitle')}
      final={
        choice.service &&
        choice.slot && (
          <div className="space-y-4">
            {error && <Alert tone="error">{error}</Alert>}
            <BookingSummary
              service={choice.service}
              staffName={choice.staff?.name ?? null}
              startsAt={choice.slot.starts_at}
              endsAt={choice.slot.ends_at}
              zone={choice.shownZone}
              locale={locale}
              location={options.location}
              notes={choice.notes.trim() || null}
            />
            {options.requires_confirmation && (
              <p className="text-sm text-slate-700">
                {t('booking.needsConfirmation', { name: options.business_name })}
              </p>
            )}
            {readOnly && <Alert tone="warning">{t('portalBooking.readOnly')}</Alert>}
            <Button busy={busy} disabled={readOnly} onClick={() => void confirm()}>
              {options.requires_confirmation ? t('portalBooking.request') : t('portalBooking.confirm')}
            </Button>
          </div>
        )
      }
    />
  );
}
