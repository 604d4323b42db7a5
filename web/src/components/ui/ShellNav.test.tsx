import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { MenuToggle, ShellNav, type NavEntry } from './ShellNav';

const flat: NavEntry[] = [
  { to: '/', label: 'Home', end: true },
  { to: '/projects', label: 'Projects' },
];

const grouped: NavEntry[] = [
  { to: '/app', label: 'Home', end: true },
  { to: '/app/clients', label: 'Clients' },
  {
    label: 'Work',
    items: [
      { to: '/app/appointments', label: 'Appointments' },
      { to: '/app/projects', label: 'Projects' },
    ],
  },
  {
    label: 'Money',
    items: [
      { to: '/app/quotes', label: 'Quotes' },
      { to: '/app/invoices', label: 'Invoices' },
    ],
  },
];

function Shell({
  items = flat,
  at = '/',
  onNavigate,
}: {
  items?: NavEntry[];
  at?: string;
  onNavigate?: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <MemoryRouter initialEntries={[at]}>
      <MenuToggle controls="nav" open={open} onToggle={() => setOpen((o) => !o)} />
      <ShellNav
        id="nav"
        label="Console"
        width="max-w-5xl"
        open={open}
        onNavigate={() => {
          setOpen(false);
          onNavigate?.();
        }}
        items={items}
      />
      <p>Outside</p>
    </MemoryRouter>
  );
}

it('closes the phone menu on Escape and puts focus back on the menu button', async () => {
  const user = userEvent.setup();
  render(<Shell />);
  const menu = screen.getByRole('button', { name: 'Menu' });
  await user.click(menu);
  expect(menu).toHaveAttribute('aria-expanded', 'true');
  await user.tab();
  expect(screen.getByRole('link', { name: 'Home' })).toHaveFocus();

  await user.keyboard('{Escape}');
  expect(menu).toHaveAttribute('aria-expanded', 'false');
  expect(menu).toHaveFocus();
});

describe('sections', () => {
  it('lists each section’s pages under its name, and marks the section of the page on screen', () => {
    render(<Shell items={grouped} at="/app/invoices/in_1" />);
    const nav = screen.getByRole('navigation', { name: 'Console' });

    // Pages on their own are plain links.
    expect(within(nav).getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/app');
    expect(within(nav).getByRole('link', { name: 'Clients' })).toHaveAttribute('href', '/app/clients');
    // A section's pages are a list named after it (the phone menu shows them under that name).
    const money = within(nav).getByRole('list', { name: 'Money' });
    expect(
      within(money)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['/app/quotes', '/app/invoices']);
    expect(within(nav).getByRole('list', { name: 'Work' })).toBeInTheDocument();

    expect(within(nav).getByRole('button', { name: 'Money' })).toHaveAttribute('aria-current', 'true');
    expect(within(nav).getByRole('button', { name: 'Work' })).not.toHaveAttribute('aria-current');
    expect(within(money).getByRole('link', { name: 'Invoices' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current');
  });

  it('marks the start page as current only on itself', () => {
    render(<Shell items={grouped} at="/app" />);
    expect(screen.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'Work' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('button', { name: 'Money' })).not.toHaveAttribute('aria-current');
  });

  it('opens a section by keyboard, closes it on Escape and returns to its button, leaving the phone menu alone', async () => {
    const user = userEvent.setup();
    render(<Shell items={grouped} at="/app/clients" />);
    const menu = screen.getByRole('button', { name: 'Menu' });
    await user.click(menu);
    const work = screen.getByRole('button', { name: 'Work' });
    expect(work).toHaveAttribute('aria-expanded', 'false');
    expect(work).toHaveAttribute('aria-controls', screen.getByRole('list', { name: 'Work' }).id);

    work.focus();
    await user.keyboard('{Enter}');
    expect(work).toHaveAttribute('aria-expanded', 'true');
    // Its pages come right after the button.
    await user.tab();
    expect(screen.getByRole('link', { name: 'Appointments' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(work).toHaveAttribute('aria-expanded', 'false');
    expect(work).toHaveFocus();
    expect(menu).toHaveAttribute('aria-expanded', 'true');
  });

  it('keeps one section open at a time, and closes it when focus or a click goes elsewhere', async () => {
    const user = userEvent.setup();
    render(<Shell items={grouped} at="/app/clients" />);
    const work = screen.getByRole('button', { name: 'Work' });
    const money = screen.getByRole('button', { name: 'Money' });

    await user.click(work);
    await user.click(money);
    expect(work).toHaveAttribute('aria-expanded', 'false');
    expect(money).toHaveAttribute('aria-expanded', 'true');

    await user.click(screen.getByText('Outside'));
    expect(money).toHaveAttribute('aria-expanded', 'false');

    // Tabbing past its last page closes it too.
    await user.click(money);
    await user.tab();
    await user.tab();
    expect(screen.getByRole('link', { name: 'Invoices' })).toHaveFocus();
    expect(money).toHaveAttribute('aria-expanded', 'true');
    await user.tab();
    expect(money).toHaveAttribute('aria-expanded', 'false');
  });

  it('goes to a section’s page and closes the section and the phone menu', async () => {
    const user = userEvent.setup();
    const onNavigate = vi.fn();
    render(<Shell items={grouped} at="/app/clients" onNavigate={onNavigate} />);
    const money = screen.getByRole('button', { name: 'Money' });
    await user.click(money);
    await user.click(screen.getByRole('link', { name: 'Quotes' }));

    expect(onNavigate).toHaveBeenCalled();
    expect(money).toHaveAttribute('aria-expanded', 'false');
    expect(money).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('link', { name: 'Quotes' })).toHaveAttribute('aria-current', 'page');
  });
});
