import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SlotPicker } from './SlotPicker';
import { slotsByDay } from './time';
import { ZoneNote } from './ZoneNote';

const slots = [
  { starts_at: '2026-12-02T08:00:00Z', ends_at: '2026-12-02T09:00:00Z' },
  // 23:30 UTC is already Thursday in Berlin and Athens, still Wednesday in New York.
  { starts_at: '2026-12-02T23:30:00Z', ends_at: '2026-12-03T00:30:00Z' },
];

function picker(zone: string) {
  return (
    <SlotPicker
      slots={slots}
      loading={false}
      zone={zone}
      locale="en-GB"
      from="2026-12-01"
      today="2026-12-01"
      onFrom={() => undefined}
      chosen={null}
      onChoose={() => undefined}
    />
  );
}

const times = () => screen.getAllByRole('radio').map((r) => r.closest('label')!.textContent);

it('shows a slot at 08:00 UTC at 09:00 in Berlin and at 10:00 in Athens, days on that clock', async () => {
  const { rerender } = render(picker('Europe/Berlin'));
  expect(screen.getByRole('button', { name: /Wed 2 Dec\s*1 time/ })).toHaveAttribute('aria-pressed', 'true');
  expect(times()).toEqual(['09:00']);
  await userEvent.click(screen.getByRole('button', { name: /Thu 3 Dec\s*1 time/ }));
  expect(times()).toEqual(['00:30']);

  rerender(picker('Europe/Athens'));
  await userEvent.click(screen.getByRole('button', { name: /Wed 2 Dec\s*1 time/ }));
  expect(times()).toEqual(['10:00']);
});

it('groups both times on one day in New York', () => {
  render(picker('America/New_York'));
  expect(screen.getByRole('button', { name: /Wed 2 Dec\s*2 times/ })).toBeVisible();
  expect(times()).toEqual(['03:00', '18:30']);
});

it('keeps only the days of the window on the reader’s clock', () => {
  expect(slotsByDay(slots, 'Asia/Tokyo', '2026-12-01', 2).map(([day]) => day)).toEqual(['2026-12-02']);
  expect(slotsByDay(slots, 'Asia/Tokyo', '2026-12-03', 2).map(([day]) => day)).toEqual(['2026-12-03']);
});

it('names both zones when they differ, and switches between them', async () => {
  const onShow = vi.fn();
  const { rerender } = render(
    <ZoneNote
      shown="Europe/Madrid"
      readerZone="Europe/Madrid"
      businessZone="Europe/Berlin"
      onShow={onShow}
    />,
  );
  expect(screen.getByText('Times in Europe/Madrid (the business is in Europe/Berlin).')).toBeVisible();
  await userEvent.click(screen.getByRole('button', { name: 'Show Europe/Berlin times' }));
  expect(onShow).toHaveBeenCalledWith('Europe/Berlin');
  rerender(
    <ZoneNote
      shown="Europe/Berlin"
      readerZone="Europe/Madrid"
      businessZone="Europe/Berlin"
      onShow={onShow}
    />,
  );
  expect(screen.getByRole('button', { name: 'Show my times (Europe/Madrid)' })).toBeVisible();
  rerender(<ZoneNote shown="Europe/Berlin" readerZone="Europe/Berlin" businessZone="Europe/Berlin" />);
  expect(screen.getByText('Times in Europe/Berlin.')).toBeVisible();
  expect(screen.queryByRole('button')).toBeNull();
});
