import { useState } from 'react';
import type { components } from '@/api/schema';
import { businessRange, todayIn, type Slot } from './time';

export type BookingOptions = components['schemas']['BookingOptions'];
export type Step = 'service' | 'staff' | 'slot' | 'notes' | 'final';

/**
 * What a person has chosen so far on a booking page, and which step they are on. The steps:
 * service (left out when the page came for one service), staff (left out when there is nobody
 * to choose), a free time, notes, then the page's own last step (`final`).
 */
export function useBookingChoice({
  options,
  readerZone,
  service: preselected,
  lockService = false,
}: {
  options: BookingOptions;
  /** The zone the reader's clock runs in. */
  readerZone: string;
  /** A service to start with (from the address). */
  service?: string | null;
  /** The page is for that one service: no service step. */
  lockService?: boolean;
}) {
  const known = options.services.some((s) => s.id === preselected) ? preselected! : null;
  const locked = lockService && known !== null;
  const steps: Step[] = [
    ...(locked ? [] : (['service'] as const)),
    ...(options.staff.length > 0 ? (['staff'] as const) : []),
    'slot',
    'notes',
    'final',
  ];
  const [serviceId, setServiceId] = useState<string | null>(known);
  const [staffId, setStaffId] = useState<string | null | undefined>(undefined);
  const [step, setStep] = useState<Step>(known ? steps[locked ? 0 : 1]! : steps[0]!);
  // Times show on the reader's clock (which may arrive a moment later) unless they switch.
  const [otherZone, setOtherZone] = useState<string | null>(null);
  const shownZone = otherZone ?? readerZone;
  const [from, setFrom] = useState(() => todayIn(readerZone));
  const [slot, setSlot] = useState<Slot | null>(null);
  const [notes, setNotes] = useState('');

  const at = steps.indexOf(step);
  const next = () => setStep(steps[Math.min(at + 1, steps.length - 1)]!);
  const service = options.services.find((s) => s.id === serviceId) ?? null;
  const staff = staffId ? (options.staff.find((s) => s.id === staffId) ?? null) : null;
  const today = todayIn(shownZone);

  return {
    steps,
    step,
    index: at,
    service,
    staffId: staffId ?? null,
    /** Whether the staff step was answered (anyone counts). */
    staffPicked: staffId !== undefined,
    staff,
    shownZone,
    from: from < today ? today : from,
    today,
    slot,
    notes,
    /** The business's dates to ask for the free times of the days on screen. */
    range: businessRange(from < today ? today : from, options.timezone),
    canGoBack: at > 0,
    back: () => setStep(steps[Math.max(at - 1, 0)]!),
    next,
    pickService: (id: string) => {
      if (id !== serviceId) setSlot(null);
      setServiceId(id);
      setStep(steps[steps.indexOf('service') + 1]!);
    },
    pickStaff: (id: string | null) => {
      if (id !== staffId) setSlot(null);
      setStaffId(id);
      setStep('slot');
    },
    chooseSlot: setSlot,
    setFrom,
    showZone: (zone: string) => setOtherZone(zone === readerZone ? null : zone),
    setNotes,
    /** The time was taken meanwhile: back to the free times, without it. */
    slotGone: () => {
      setSlot(null);
      setStep('slot');
    },
  };
}

export type BookingChoice = ReturnType<typeof useBookingChoice>;
