import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { me, problem, renderAt, stubApi, tenant } from '@/test/testing';
import { FormEditorPage } from './FormEditorPage';
import { aForm } from './fixtures';

configure({ asyncUtilTimeout: 4000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const pages = [
  { path: '/app/forms/new', element: <FormEditorPage /> },
  { path: '/app/forms/:id', element: <FormEditorPage /> },
];

// No pause between keystrokes: these tests type a whole form.
const user = userEvent.setup({ delay: null });

/** Puts `text` into a field in one go, as pasting does (typing a form key by key is slow in jsdom). */
async function fill(field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

/** The builder's rows, by their group's name ("Field 3: Budget"). */
function row(name: string) {
  return screen.getByRole('group', { name });
}

function creating(onBody: (body: unknown) => void) {
  return stubApi({
    'GET /api/v1/me': { body: me },
    'GET /api/v1/tenant': { body: tenant },
    'POST /api/v1/forms': async (request) => {
      onBody(await request.json());
      return { status: 201, body: aForm() };
    },
    'GET /api/v1/forms/fm_1': { body: aForm() },
  });
}

it('builds a form whose address follows its title, then opens it', async () => {
  let sent: unknown;
  creating((body) => (sent = body));
  renderAt('/app/forms/new', pages);
  await fill(await screen.findByLabelText('Title'), 'Start a project!');
  expect(screen.getByLabelText('Address')).toHaveValue('start-a-project');
  // Name and email are always there: their key and kind are fixed, and they cannot go.
  expect(within(row('Field 1: Your name')).getByLabelText('Key')).toBeDisabled();
  expect(within(row('Field 2: Your email')).queryByRole('button', { name: /Remove/ })).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Create form' }));

  expect(await screen.findByText('Form “Start a project” created — it is live at its address')).toBeVisible();
  expect(await screen.findByRole('heading', { name: 'Start a project', level: 1 })).toBeVisible();
  expect(screen.getByTestId('address')).toHaveTextContent('/app/forms/fm_1');
  expect(sent).toEqual({
    title: 'Start a project!',
    slug: 'start-a-project',
    description: null,
    success_message: null,
    enabled: true,
    notify_staff: true,
    fields: [
      { key: 'name', label: 'Your name', kind: 'text', required: true, options: [], help: null },
      { key: 'email', label: 'Your email', kind: 'email', required: true, options: [], help: null },
      {
        key: 'message',
        label: 'How can we help?',
        kind: 'textarea',
        required: true,
        options: [],
        help: null,
      },
    ],
  });
});

it('adds, changes, moves and removes fields', async () => {
  let sent: { fields?: unknown } = {};
  creating((body) => (sent = body as { fields?: unknown }));
  renderAt('/app/forms/new', pages);
  await fill(await screen.findByLabelText('Title'), 'Hi');
  await user.click(screen.getByRole('button', { name: 'Add a field' }));
  await fill(within(row('Field 4: Field 4')).getByLabelText('Label'), 'Budget');
  const budget = row('Field 4: Budget');
  expect(within(budget).getByLabelText('Key')).toHaveValue('budget');
  await user.selectOptions(within(budget).getByLabelText('Kind'), 'Choice from a list');
  await fill(within(budget).getByLabelText('Choices, one per line'), 'Small\nLarge');
  await user.click(within(budget).getByRole('checkbox', { name: 'Required' }));
  await user.click(screen.getByRole('button', { name: 'Move Budget up' }));
  await user.click(screen.getByRole('button', { name: 'Remove How can we help?' }));
  await user.click(screen.getByRole('button', { name: 'Create form' }));
  await screen.findByText(/created — it is live at its address/);
  expect(sent.fields).toEqual([
    { key: 'name', label: 'Your name', kind: 'text', required: true, options: [], help: null },
    { key: 'email', label: 'Your email', kind: 'email', required: true, options: [], help: null },
    {
      key: 'budget',
      label: 'Budget',
      kind: 'select',
      required: true,
      options: ['Small', 'Large'],
      help: null,
    },
  ]);
});

it('puts the server’s objections next to the field they are about', async () => {
  stubApi({
    'GET /api/v1/me': { body: me },
    'GET /api/v1/tenant': { body: tenant },
    'GET /api/v1/forms/fm_1': {
      body: aForm({
        fields: [
          ...aForm().fields,
          { key: 'size', label: 'Size', kind: 'select', required: false, options: ['S'], help: null },
        ],
      }),
    },
    'PATCH /api/v1/forms/fm_1': problem(422, '2 fields are invalid.', [
      { field: 'slug', message: "'start' is the address of another of your forms; choose another" },
      { field: 'fields[2].options', message: 'each option must differ from the others' },
    ]),
  });
  renderAt('/app/forms/fm_1', pages);
  expect(await screen.findByRole('heading', { name: 'Start a project', level: 1 })).toBeVisible();
  expect(screen.getByRole('link', { name: 'Submissions (0)' })).toHaveAttribute(
    'href',
    '/app/forms/fm_1/submissions',
  );
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  expect(await screen.findByText(/is the address of another of your forms/)).toBeVisible();
  expect(within(row('Field 3: Size')).getByText('each option must differ from the others')).toBeVisible();
  expect(screen.getByLabelText('Address')).toHaveFocus();
});

it('is read-only for members', async () => {
  stubApi({
    'GET /api/v1/me': { body: { ...me, role: 'member' } },
    'GET /api/v1/tenant': { body: tenant },
    'GET /api/v1/forms/fm_1': { body: aForm() },
  });
  renderAt('/app/forms/fm_1', pages);
  expect(await screen.findByText('Only owners and admins can change forms.')).toBeVisible();
  expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  expect(screen.getByLabelText('Title')).toBeDisabled();
});
