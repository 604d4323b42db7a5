import { useT } from '@/lib/i18n/hooks';

/**
 * Which clock the times are on. When the reader's zone is not the business's, it names both
 * and offers to switch the times between them.
 */
export function ZoneNote({
  shown,
  readerZone,
  businessZone,
  onShow,
}: {
  /** The zone the times are shown in now. */
  shown: string;
  readerZone: string;
  businessZone: string;
  onShow?: (zone: string) => void;
}) {
  const t = useT();
  if (readerZone === businessZone) {
    return <p className="text-sm text-slate-600">{t('booking.zoneSame', { zone: shown })}</p>;
  }
  const mine = shown === readerZone;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700">
      <p>
        {mine
          ? t('booking.zoneDiffers', { zone: readerZone, business: businessZone })
          : t('booking.zoneBusiness', { zone: businessZone, reader: readerZone })}
      </p>
      {onShow && (
        <button
          type="button"
          onClick={() => onShow(mine ? businessZone : readerZone)}
          className="font-medium text-brand-ink underline underline-offset-2"
        >
          {mine
            ? t('booking.showBusinessZone', { zone: businessZone })
            : t('booking.showMyZone', { zone: readerZone })}
        </button>
      )}
    </div>
  );
}
