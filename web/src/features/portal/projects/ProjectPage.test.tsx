import { configure, screen, within } from '@testing-library/react';
import { renderAt, stubApi } from '@/test/testing';
import { base, inPortal, projectDetail } from './fixtures';
import { ProjectPage } from './ProjectPage';

// Pages load in steps (the project, then its part); a busy machine needs more than a second.
configure({ asyncUtilTimeout: 4000 });

const routes = [{ path: `${base}/projects/:id`, element: inPortal(<ProjectPage />) }];

const titles = (column: HTMLElement) =>
  within(column)
    .queryAllByRole('listitem')
    .map((li) => li.firstChild!.textContent);

it('shows the header and a read-only board grouped by status, without an empty cancelled column', async () => {
  stubApi({ 'GET /api/v1/portal/projects/pr_1': { body: projectDetail } });
  renderAt(`${base}/projects/pr_1`, routes);

  expect(await screen.findByRole('heading', { level: 1, name: 'Brand refresh' })).toBeVisible();
  expect(screen.getByText('Started')).toBeVisible();
  expect(screen.getByText('2 Nov 2026')).toBeVisible();
  expect(screen.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuenow', '37');
  expect(screen.getByText(/One task is waiting on you/)).toBeVisible();

  const board = screen
    .getAllByRole('region')
    .filter((r) => r.getAttribute('aria-labelledby')?.startsWith('board-'));
  expect(board.map((c) => within(c).getByRole('heading').firstChild!.textContent)).toEqual([
    'To do',
    'In progress',
    'Review',
    'Waiting on you',
    'Done',
  ]);
  expect(titles(screen.getByRole('region', { name: /^To do/ }))).toEqual(['Business cards', 'Brand book']);
  expect(titles(screen.getByRole('region', { name: /^Waiting on you/ }))).toEqual([
    'Which photos may we use?',
  ]);
  expect(titles(screen.getByRole('region', { name: /^Done/ }))).toEqual([
    'Kick-off call',
    'Moodboard',
    'Questionnaire',
  ]);
  expect(within(screen.getByRole('region', { name: /^Review/ })).getByText('Nothing here')).toBeVisible();
  expect(screen.getByText('Due 10 Dec 2026')).toBeVisible();
  expect(screen.queryByRole('region', { name: /^Cancelled/ })).toBeNull();
  expect(screen.queryByRole('button')).toBeNull();
});

it('shows a cancelled column when it holds tasks', async () => {
  stubApi({
    'GET /api/v1/portal/projects/pr_1': {
      body: {
        ...projectDetail,
        board: projectDetail.board.map((c) =>
          c.status === 'cancelled'
            ? { ...c, tasks: [{ id: 'tk_9', title: 'Mascot', status: 'cancelled' }] }
            : c,
        ),
      },
    },
  });
  renderAt(`${base}/projects/pr_1`, routes);
  expect(titles(await screen.findByRole('region', { name: /^Cancelled/ }))).toEqual(['Mascot']);
});

it('says when the project is not the client’s', async () => {
  stubApi({});
  renderAt(`${base}/projects/pr_9`, routes);
  expect(await screen.findByText('Project not found')).toBeVisible();
  expect(screen.getByRole('link', { name: '← All projects' })).toHaveAttribute('href', `${base}/projects`);
});

it('shows the description as Markdown, with any HTML in it as text', async () => {
  stubApi({
    'GET /api/v1/portal/projects/pr_1': {
      body: {
        ...projectDetail,
        description: '**Bold** and a [link](https://example.com) <script>x()</script>',
      },
    },
  });
  renderAt(`${base}/projects/pr_1`, routes);

  const heading = await screen.findByRole('heading', { name: 'About this project' });
  const about = heading.closest('section')!;
  expect(within(about).getByText('Bold').tagName).toBe('STRONG');
  expect(within(about).getByRole('link', { name: 'link' })).toHaveAttribute('href', 'https://example.com');
  expect(about).not.toHaveTextContent('**');
  expect(about).toHaveTextContent('<script>x()</script>');
  expect(about.querySelector('script')).toBeNull();
});
