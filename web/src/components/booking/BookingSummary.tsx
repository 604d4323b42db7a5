import { useT } from '@/lib/i18n/hooks';
import { clockTime, longDay, servicePrice, type BookableService } from './time';

/** What is about to be booked (or was): service, with whom, when on `zone`'s clock, where, notes. */
export function BookingSummary({
  service,
  staffName,
  startsAt,
  endsAt,
  zone,
  locale,
  location,
  notes,
}: {
  service: Pick<BookableService, 'name' | 'duration_minutes'> &
    Partial<Pick<BookableService, 'price_minor' | 'currency'>>;
  /** `null`: anyone free. */
  staffName: string | null;
  startsAt: string;
  endsAt: string;
  zone: string;
  locale: string;
  location?: string | null;
  notes?: string | null;
}) {
  const t = useT();
  const row = (label: string, value: string) => (
    <div className="sm:flex sm:gap-4">
      <dt className="text-sm text-slate-600 sm:w-32 sm:shrink-0">{label}</dt>
      <dd className="font-medium break-words whitespace-pre-line text-slate-900">{value}</dd>
    </div>
  );
  return (
    <dl className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      {row(t('booking.summaryService'), service.name)}
      {row(t('booking.summaryWith'), staffName ?? t('booking.anyone'))}
      {row(
        t('booking.summaryWhen'),
        t('booking.whenValue', {
          day: longDay(startsAt, locale, zone),
          start: clockTime(startsAt, locale, zone),
          end: clockTime(endsAt, locale, zone),
          zone,
        }),
      )}
      {service.price_minor !== undefined &&
        service.currency &&
        row(
          t('booking.summaryPrice'),
          servicePrice(
            { price_minor: service.price_minor, currency: service.currency },
            locale,
            t('booking.free'),
          ),
        )}
      {location && row(t('booking.summaryWhere'), location)}
      {notes && row(t('booking.summaryNotes'), notes)}
    </dl>
  );
}
