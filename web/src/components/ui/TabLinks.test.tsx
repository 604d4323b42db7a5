import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { TabLinks } from './TabLinks';

const tabs = ['Overview', 'Deliverables', 'Files', 'Messages', 'Time', 'Downloads'].map((label, i) => ({
  to: `/p/${label.toLowerCase()}`,
  label,
  selected: i === 4,
}));

function show() {
  return render(
    <MemoryRouter>
      <TabLinks label="Project sections" tabs={tabs} />
    </MemoryRouter>,
  );
}

afterEach(() => vi.restoreAllMocks());

it('scrolls the chosen tab into view, moving only the tab row', () => {
  const scrolled: string[] = [];
  const scrollIntoView = vi.fn(function (this: HTMLElement) {
    scrolled.push(this.textContent ?? '');
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollIntoView', {
    configurable: true,
    value: scrollIntoView,
  });
  show();
  expect(scrolled).toEqual(['Time']);
  expect(scrollIntoView).toHaveBeenCalledWith({ block: 'nearest', inline: 'nearest' });
  Reflect.deleteProperty(HTMLElement.prototype, 'scrollIntoView');
});

it('fades the side of a narrow row that has more tabs', () => {
  show();
  const row = screen.getByRole('tablist', { name: 'Project sections' });
  expect(screen.queryByTestId('tabs-more-end')).toBeNull();

  // A phone: 300 px of a 640 px row, scrolled to the start.
  Object.defineProperty(row, 'clientWidth', { configurable: true, value: 300 });
  Object.defineProperty(row, 'scrollWidth', { configurable: true, value: 640 });
  fireEvent.scroll(row);
  expect(screen.getByTestId('tabs-more-end')).toBeInTheDocument();
  expect(screen.queryByTestId('tabs-more-start')).toBeNull();

  row.scrollLeft = 340;
  fireEvent.scroll(row);
  expect(screen.getByTestId('tabs-more-start')).toBeInTheDocument();
  expect(screen.queryByTestId('tabs-more-end')).toBeNull();
});
