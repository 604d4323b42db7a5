import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { usePublicReviews } from './api';
import { Stars } from './review';

/** How many reviews the portal's front page shows; the rest stay in the count. */
const SHOWN = 3;

/**
 * The business's approved reviews on its portal's front page, for visitors and clients who
 * are not logged in: the average, the count and the latest few. Nothing while there are none.
 */
export function PublicReviews() {
  const t = useT();
  const { slug } = usePortal();
  const format = usePortalFormat();
  const reviews = usePublicReviews(slug);
  const data = reviews.data;
  if (!data || data.count === 0) return null;
  const average = (data.average_rating ?? 0).toLocaleString(format.locale, { maximumFractionDigits: 1 });
  return (
    <section
      aria-labelledby="public-reviews"
      className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="public-reviews" className="text-base font-semibold text-slate-900">
        {t('portalAppointments.publicTitle')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        <Stars rating={Math.round(data.average_rating ?? 0)} />{' '}
        {t('portalAppointments.publicAverage', { average, count: data.count })}
      </p>
      <ul className="mt-4 space-y-4">
        {data.items.slice(0, SHOWN).map((r, i) => (
          <li
            key={`${r.created_at}-${i}`}
            className="border-t border-slate-100 pt-3 first:border-0 first:pt-0"
          >
            <p className="text-sm">
              <Stars rating={r.rating} /> <span className="ml-1 font-medium text-slate-900">{r.author}</span>
              <span className="text-slate-500"> · {r.service_name}</span>
            </p>
            {r.text && <p className="mt-1 whitespace-pre-line text-slate-800">{r.text}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
