import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { MenuToggle, ShellNav } from './ShellNav';

function Shell() {
  const [open, setOpen] = useState(false);
  return (
    <MemoryRouter>
      <MenuToggle controls="nav" open={open} onToggle={() => setOpen((o) => !o)} />
      <ShellNav
        id="nav"
        label="Portal"
        width="max-w-5xl"
        open={open}
        onNavigate={() => setOpen(false)}
        items={[
          { to: '/', label: 'Home', end: true },
          { to: '/projects', label: 'Projects' },
        ]}
      />
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
