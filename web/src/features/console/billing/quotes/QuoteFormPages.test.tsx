import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { me, problem, renderAt, requestsOf, stubApi, tenant } from '@/test/testing';
import { aProject, aQuote, aQuoteTemplate, mariaClient } from '../fixtures';
import { EditQuotePage, NewQuotePage } from './QuoteFormPages';

afterEach(() => vi.unstubAllGlobals());

const pages = [
  { path: '/app/quotes/new', element: <NewQuotePage /> },
  { path: '/app/quotes/:id/edit', element: <EditQuotePage /> },
  { path: '/app/quotes/:id', element: <p>Quote page</p> },
];

const base = {
  'GET /api/v1/me': { body: me },
  'GET /api/v1/tenant': { body: tenant },
  'GET /api/v1/clients': { body: { items: [mariaClient], next_cursor: null } },
};

async function typeLine(n: number, values: Record<string, string>) {
  const line = screen.getByRole('listitem', { name: `Line ${n}` });
  for (const [label, value] of Object.entries(values)) {
    const input = within(line).getByLabelText(new RegExp(`^${label}`));
    await userEvent.clear(input);
    await userEvent.click(input);
    await userEvent.paste(value);
  }
  return line;
}

describe('NewQuotePage', () => {
  it('previews each line and the totals per tax rate as they are typed, then sends the lines', async () => {
    const bodies: unknown[] = [];
    stubApi({
      ...base,
      'POST /api/v1/quotes': async (request) => {
        bodies.push(await request.json());
        return { status: 201, body: aQuote() };
      },
    });
    renderAt('/app/quotes/new', pages);
    const preview = await screen.findByRole('group', { name: 'Totals preview' });
    expect(within(preview).getByTestId('preview-total')).toHaveTextContent('€0.00');

    const line1 = await typeLine(1, {
      Description: 'Logo design',
      Quantity: '10',
      'Unit price': '95',
      'Tax %': '20',
    });
    expect(within(line1).getByLabelText('Line 1 amount')).toHaveTextContent('€950.00');

    await userEvent.click(screen.getByRole('button', { name: 'Add line' }));
    // The new line starts with the rate of the one above it.
    expect(within(screen.getByRole('listitem', { name: 'Line 2' })).getByLabelText(/^Tax %/)).toHaveValue(
      '20',
    );
    const line2 = await typeLine(2, {
      Description: 'Brand book',
      Quantity: '1,5',
      'Unit price': '400',
      'Tax %': '7',
      'Discount %': '10',
    });
    expect(within(line2).getByLabelText('Line 2 amount')).toHaveTextContent('€540.00');

    await userEvent.click(screen.getByRole('button', { name: 'Add line' }));
    await typeLine(3, { Description: 'Coffee', Quantity: '0.333', 'Unit price': '10', 'Tax %': '20' });
    expect(
      within(screen.getByRole('listitem', { name: 'Line 3' })).getByLabelText('Line 3 amount'),
    ).toHaveTextContent('€3.33');

    expect(within(preview).getByTestId('preview-subtotal')).toHaveTextContent('€1,493.33');
    expect(within(preview).getByText('Tax 7% on €540.00').nextSibling).toHaveTextContent('€37.80');
    // 20 % of €953.33 is €190.666: each line rounds on its own, so €190.00 + €0.67.
    expect(within(preview).getByText('Tax 20% on €953.33').nextSibling).toHaveTextContent('€190.67');
    expect(within(preview).getByTestId('preview-total')).toHaveTextContent('€1,721.80');

    await userEvent.click(screen.getByRole('button', { name: 'Remove line 3' }));
    expect(within(preview).getByTestId('preview-total')).toHaveTextContent('€1,717.80');

    await userEvent.type(screen.getByRole('combobox', { name: 'Client' }), 'mar');
    await userEvent.click(await screen.findByRole('option', { name: /Maria Lopez/ }, { timeout: 5000 }));
    await userEvent.type(screen.getByLabelText('Title'), 'Brand refresh');
    await userEvent.type(screen.getByLabelText('Valid until'), '2026-12-31');
    await userEvent.type(screen.getByLabelText('Notes'), 'Two rounds of changes included.');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('Quote Q-2026-0001 saved as a draft')).toBeInTheDocument();
    expect(screen.getByTestId('address')).toHaveTextContent('/app/quotes/qt_1');
    expect(bodies).toEqual([
      {
        client_id: 'cl_1',
        title: 'Brand refresh',
        currency: 'EUR',
        lines: [
          {
            description: 'Logo design',
            quantity: '10',
            unit_price_minor: 9500,
            tax_rate_bp: 2000,
            discount_bp: 0,
          },
          {
            description: 'Brand book',
            quantity: '1.5',
            unit_price_minor: 40000,
            tax_rate_bp: 700,
            discount_bp: 1000,
          },
        ],
        notes: 'Two rounds of changes included.',
        valid_until: '2026-12-31',
      },
    ]);
  }, 30_000);

  it('says what is missing before sending, and shows the server’s field errors at their line', async () => {
    const fetch = stubApi({
      ...base,
      'POST /api/v1/quotes': problem(
        422,
        "The field 'lines[0].quantity' is invalid: must have at most 3 decimals.",
        [{ field: 'lines[0].quantity', message: 'must have at most 3 decimals' }],
      ),
    });
    renderAt('/app/quotes/new', pages);
    const line1 = await screen.findByRole('listitem', { name: 'Line 1' });
    await userEvent.type(within(line1).getByLabelText(/^Unit price/), '12.5.6');
    await userEvent.type(within(line1).getByLabelText(/^Tax %/), '120');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('Choose the client.')).toBeInTheDocument();
    expect(screen.getByText('Give the quote a title.')).toBeInTheDocument();
    expect(within(line1).getByText('Say what this line is for.')).toBeInTheDocument();
    expect(within(line1).getByText('An amount such as 12.50.')).toBeInTheDocument();
    expect(within(line1).getByText('A percentage from 0 to 100, such as 20.')).toBeInTheDocument();
    expect(fetch.mock.calls.some(([r]) => (r as Request).method === 'POST')).toBe(false);

    // Once the form is right by the browser's rules, the server has the last word.
    await typeLine(1, { Description: 'Logo', 'Unit price': '95', 'Tax %': '20' });
    await userEvent.type(screen.getByRole('combobox', { name: 'Client' }), 'mar');
    await userEvent.click(await screen.findByRole('option', { name: /Maria Lopez/ }, { timeout: 5000 }));
    await userEvent.type(screen.getByLabelText('Title'), 'Brand refresh');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await within(line1).findByText('must have at most 3 decimals')).toBeInTheDocument();
    expect(within(line1).getByLabelText(/^Quantity/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Line 1 – quantity: must have at most 3 decimals.');
  }, 30_000);
});

/** Maria's projects: two running, one completed. */
const projects = {
  'GET /api/v1/projects': {
    body: {
      items: [
        aProject(),
        aProject({ id: 'pr_2', name: 'Old site', status: 'completed' }),
        aProject({ id: 'pr_3', name: 'Shop', status: 'on_hold' }),
      ],
      next_cursor: null,
    },
  },
};

const rendered = {
  template_id: 'tq_1',
  content: {
    kind: 'quote',
    title: 'Logo for Lopez Bakery',
    notes: 'Part of Website.',
    lines: [
      { description: 'Logo design', quantity: '1', unit_price_minor: 120000, tax_rate_bp: 2000 },
      { description: 'Brand book', quantity: '2.5', unit_price_minor: 30000, tax_rate_bp: 2000 },
    ],
  },
};

describe('NewQuotePage from a template', () => {
  it('fills the quote in for the chosen client and project, then saves what was edited', async () => {
    const renders: unknown[] = [];
    const bodies: unknown[] = [];
    const fetch = stubApi({
      ...base,
      ...projects,
      'GET /api/v1/templates': { body: { items: [aQuoteTemplate()] } },
      'POST /api/v1/templates/tq_1/render': async (request) => {
        const body = (await request.json()) as { project_id?: string | null };
        renders.push(body);
        return body.project_id
          ? { body: rendered }
          : problem(422, "The field 'project_id' is invalid.", [
              {
                field: 'project_id',
                message: 'is needed: the template uses {{project.name}}; choose the project it is about',
              },
            ]);
      },
      'POST /api/v1/quotes': async (request) => {
        bodies.push(await request.json());
        return { status: 201, body: aQuote() };
      },
    });
    renderAt('/app/quotes/new', pages);

    const template = await screen.findByLabelText('Start from a template');
    await waitFor(() => expect(template).toBeEnabled());
    await userEvent.selectOptions(template, 'Logo package');
    expect(template).toHaveAccessibleDescription(
      'Now choose the client: the template is filled in for them.',
    );
    expect(requestsOf(fetch).some((r) => r.startsWith('POST /api/v1/templates'))).toBe(false);

    await userEvent.type(screen.getByRole('combobox', { name: 'Client' }), 'mar');
    await userEvent.click(await screen.findByRole('option', { name: /Maria Lopez/ }, { timeout: 5000 }));
    // The template names the project: the server says to choose it.
    await waitFor(() =>
      expect(template).toHaveAccessibleDescription(
        'This template uses {{project.name}}: choose the project it is about.',
      ),
    );
    expect(screen.getByLabelText('Title')).toHaveValue('');

    // Only running projects are offered.
    const project = screen.getByLabelText('For project');
    await waitFor(() => expect(project).toBeEnabled());
    expect(
      within(project)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['None: accepting starts a new project', 'Website (active)', 'Shop (on hold)']);
    await userEvent.selectOptions(project, 'Website (active)');
    expect(project).toHaveAccessibleDescription(
      'Accepting the quote adds its lines as tasks to this project.',
    );

    expect(
      await screen.findByText(
        'Filled in from “Logo package” for Maria Lopez: the title, the notes and 2 lines. Check them and change anything before saving.',
      ),
    ).toBeInTheDocument();
    expect(renders).toEqual([
      { client_id: 'cl_1', project_id: null },
      { client_id: 'cl_1', project_id: 'pr_1' },
    ]);
    expect(screen.getByLabelText('Title')).toHaveValue('Logo for Lopez Bakery');
    expect(screen.getByLabelText('Notes')).toHaveValue('Part of Website.');
    const line2 = screen.getByRole('listitem', { name: 'Line 2' });
    expect(within(line2).getByLabelText(/^Quantity/)).toHaveValue('2.5');
    expect(within(line2).getByLabelText(/^Unit price/)).toHaveValue('300.00');
    expect(screen.getByTestId('preview-total')).toHaveTextContent('€2,340.00');

    await typeLine(1, { 'Unit price': '1000' });
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Quote Q-2026-0001 saved as a draft')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        client_id: 'cl_1',
        title: 'Logo for Lopez Bakery',
        currency: 'EUR',
        lines: [
          {
            description: 'Logo design',
            quantity: '1',
            unit_price_minor: 100000,
            tax_rate_bp: 2000,
            discount_bp: 0,
          },
          {
            description: 'Brand book',
            quantity: '2.5',
            unit_price_minor: 30000,
            tax_rate_bp: 2000,
            discount_bp: 0,
          },
        ],
        notes: 'Part of Website.',
        project_id: 'pr_1',
      },
    ]);
  }, 30_000);

  it('starts for the client and project in the address', async () => {
    const bodies: unknown[] = [];
    stubApi({
      ...base,
      ...projects,
      'GET /api/v1/templates': { body: { items: [] } },
      'GET /api/v1/clients/cl_1': { body: mariaClient },
      'POST /api/v1/quotes': async (request) => {
        bodies.push(await request.json());
        return { status: 201, body: aQuote() };
      },
    });
    renderAt('/app/quotes/new?client_id=cl_1&project_id=pr_3', pages);

    expect(await screen.findByRole('group', { name: 'Client' })).toHaveTextContent('Maria Lopez');
    const project = screen.getByLabelText('For project');
    await waitFor(() => expect(project).toHaveValue('pr_3'));
    expect(screen.getByText('You have no quote templates yet.')).toBeInTheDocument();

    await typeLine(1, { Description: 'Extra page', 'Unit price': '300' });
    await userEvent.type(screen.getByLabelText('Title'), 'Shop extension');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Quote Q-2026-0001 saved as a draft')).toBeInTheDocument();
    expect(bodies).toEqual([
      expect.objectContaining({ client_id: 'cl_1', title: 'Shop extension', project_id: 'pr_3' }),
    ]);
  }, 30_000);
});

describe('EditQuotePage', () => {
  it('shows the project the quote is for, and sends its removal', async () => {
    const bodies: unknown[] = [];
    stubApi({
      ...base,
      ...projects,
      'GET /api/v1/quotes/qt_1': { body: aQuote({ project_id: 'pr_1' }) },
      'PATCH /api/v1/quotes/qt_1': async (request) => {
        bodies.push(await request.json());
        return { body: aQuote({ updated_at: '2026-11-10T09:00:00Z' }) };
      },
    });
    renderAt('/app/quotes/qt_1/edit', pages);

    const project = await screen.findByLabelText('For project');
    await waitFor(() => expect(project).toHaveValue('pr_1'));
    expect(screen.queryByLabelText('Start from a template')).not.toBeInTheDocument();
    await userEvent.selectOptions(project, 'None: accepting starts a new project');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('Quote Q-2026-0001 saved')).toBeInTheDocument();
    expect(bodies).toEqual([{ project_id: null }]);
  });

  it('starts from the saved lines and sends only what changed', async () => {
    const bodies: unknown[] = [];
    stubApi({
      ...base,
      'GET /api/v1/quotes/qt_1': { body: aQuote() },
      'PATCH /api/v1/quotes/qt_1': async (request) => {
        bodies.push(await request.json());
        return { body: aQuote({ updated_at: '2026-11-10T09:00:00Z' }) };
      },
    });
    renderAt('/app/quotes/qt_1/edit', pages);

    const line2 = await screen.findByRole('listitem', { name: 'Line 2' });
    expect(within(line2).getByLabelText(/^Quantity/)).toHaveValue('1.5');
    expect(within(line2).getByLabelText(/^Unit price/)).toHaveValue('400.00');
    expect(within(line2).getByLabelText(/^Tax %/)).toHaveValue('7');
    expect(within(line2).getByLabelText(/^Discount %/)).toHaveValue('10');
    expect(screen.getByTestId('preview-total')).toHaveTextContent('€1,717.80');
    expect(screen.getByLabelText('Currency')).toBeDisabled();

    await typeLine(2, { 'Discount %': '20' });
    expect(screen.getByTestId('preview-total')).toHaveTextContent('€1,653.60');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('Quote Q-2026-0001 saved')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        lines: [
          {
            description: 'Logo design',
            quantity: '10',
            unit_price_minor: 9500,
            tax_rate_bp: 2000,
            discount_bp: 0,
          },
          {
            description: 'Brand book',
            quantity: '1.5',
            unit_price_minor: 40000,
            tax_rate_bp: 700,
            discount_bp: 2000,
          },
        ],
      },
    ]);
  });

  it('does not offer to edit a sent quote', async () => {
    stubApi({ ...base, 'GET /api/v1/quotes/qt_1': { body: aQuote({ status: 'sent' }) } });
    renderAt('/app/quotes/qt_1/edit', pages);
    expect(await screen.findByText(/can no longer be edited/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save draft' })).not.toBeInTheDocument());
  });
});
