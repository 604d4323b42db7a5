import { useT } from '@/lib/i18n/hooks';

/** A rating as stars, read out as "4 out of 5 stars". */
export function Stars({ rating }: { rating: number }) {
  const t = useT();
  return (
    <span role="img" aria-label={t('portalAppointments.stars', { rating })} className="text-amber-500">
      {'★'.repeat(rating)}
      <span className="text-slate-300">{'★'.repeat(5 - rating)}</span>
    </span>
  );
}
