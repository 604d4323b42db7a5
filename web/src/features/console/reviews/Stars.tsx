import { useT } from '@/lib/i18n/hooks';

/** A rating as five stars, read out as "4 out of 5 stars". */
export function Stars({ rating }: { rating: number }) {
  const t = useT();
  const value = Math.max(0, Math.min(5, Math.round(rating)));
  return (
    <span
      role="img"
      aria-label={t('consoleReviews.stars', { value })}
      className="inline-flex text-lg leading-none"
    >
      {[1, 2, 3, 4, 5].map((i) => (
        <span key={i} aria-hidden className={i <= value ? 'text-amber-500' : 'text-slate-300'}>
          ★
        </span>
      ))}
    </span>
  );
}
