import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, Button, TextArea } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import type { BookingChoice, BookingOptions } from './choice';
import { ServiceList, StaffChoice } from './ServiceList';
import { SlotPicker } from './SlotPicker';
import type { Slot } from './time';
import { ZoneNote } from './ZoneNote';

/**
 * A booking page's steps, one at a time with a way back: service, staff, free time, notes,
 * then `final` (the page's own: a review to confirm, or the visitor's details). The page asks
 * for the free times of `choice.range` and passes them as `slots`.
 */
export function BookingSteps({
  choice,
  options,
  locale,
  readerZone,
  slots,
  notice,
  finalTitle,
  final,
}: {
  choice: BookingChoice;
  options: BookingOptions;
  locale: string;
  readerZone: string;
  slots: { data: readonly Slot[] | undefined; loading: boolean; error: string | null };
  /** A message over the free times (the time just chosen was taken). */
  notice?: string | null;
  finalTitle: string;
  final: ReactNode;
}) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // Each step's heading takes the focus, so a screen reader hears where the person is now.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [choice.step]);

  const titles = {
    service: t('booking.serviceTitle'),
    staff: t('booking.staffTitle'),
    slot: t('booking.slotTitle'),
    notes: t('booking.notesTitle'),
    final: finalTitle,
  };

  return (
    <section aria-labelledby="booking-step" className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="text-sm font-medium text-slate-600">
            {t('booking.stepOf', { step: choice.index + 1, total: choice.steps.length })}
          </p>
          <h2
            id="booking-step"
            ref={heading}
            tabIndex={-1}
            className="text-xl font-semibold text-slate-900 focus:outline-none"
          >
            {titles[choice.step]}
          </h2>
        </div>
        {choice.canGoBack && (
          <Button variant="ghost" onClick={choice.back}>
            {t('booking.back')}
          </Button>
        )}
      </div>

      {choice.step === 'service' && (
        <ServiceList
          services={options.services}
          locale={locale}
          selected={choice.service?.id}
          onPick={(s) => choice.pickService(s.id)}
        />
      )}

      {choice.step === 'staff' && (
        <StaffChoice
          staff={options.staff}
          selected={choice.staffPicked ? choice.staffId : undefined}
          onPick={choice.pickStaff}
        />
      )}

      {choice.step === 'slot' && (
        <div className="space-y-4">
          {notice && <Alert tone="error">{notice}</Alert>}
          {choice.service && (
            <p className="text-sm text-slate-700">
              {t('booking.timesFor', {
                service: choice.service.name,
                minutes: choice.service.duration_minutes,
              })}
            </p>
          )}
          <ZoneNote
            shown={choice.shownZone}
            readerZone={readerZone}
            businessZone={options.timezone}
            onShow={choice.showZone}
          />
          <SlotPicker
            slots={slots.data}
            loading={slots.loading}
            error={slots.error}
            zone={choice.shownZone}
            locale={locale}
            from={choice.from}
            today={choice.today}
            onFrom={choice.setFrom}
            chosen={choice.slot?.starts_at ?? null}
            onChoose={choice.chooseSlot}
          />
          <Button disabled={!choice.slot} onClick={choice.next}>
            {t('booking.continue')}
          </Button>
        </div>
      )}

      {choice.step === 'notes' && (
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            choice.next();
          }}
        >
          <TextArea
            label={t('booking.notesLabel')}
            name="notes"
            rows={4}
            maxLength={2000}
            value={choice.notes}
            hint={t('booking.notesHint', { name: options.business_name })}
            onChange={(e) => choice.setNotes(e.target.value)}
          />
          <Button type="submit">{t('booking.continue')}</Button>
        </form>
      )}

      {choice.step === 'final' && final}
    </section>
  );
}
