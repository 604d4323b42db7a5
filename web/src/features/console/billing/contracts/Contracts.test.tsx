import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { captureDownloads, pdfReply } from '@/test/downloads';
import { me, problem, renderAt, requestsOf, stubApi, tenant } from '@/test/testing';
import { aContract, aContractTemplate, aQuoteSummary, mariaClient, signature } from '../fixtures';
import { ContractDetailPage } from './ContractDetailPage';
import { EditContractPage, NewContractPage } from './ContractFormPages';
import { ContractsPage } from './ContractsPage';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const pages = [
  { path: '/app/contracts', element: <ContractsPage /> },
  { path: '/app/contracts/new', element: <NewContractPage /> },
  { path: '/app/contracts/:id', element: <ContractDetailPage /> },
  { path: '/app/contracts/:id/edit', element: <EditContractPage /> },
];

const base = {
  'GET /api/v1/me': { body: me },
  'GET /api/v1/tenant': { body: tenant },
  'GET /api/v1/clients': { body: { items: [mariaClient], next_cursor: null } },
};

const signed = aContract({
  status: 'signed',
  countersign: true,
  sent_at: '2026-11-20T09:00:00Z',
  signature,
  view_count: 2,
  first_viewed_at: '2026-11-21T14:00:00Z',
});

describe('ContractsPage', () => {
  it('lists contracts with their status, signing time and views', async () => {
    stubApi({
      ...base,
      'GET /api/v1/contracts': {
        body: {
          items: [
            {
              id: 'ct_1',
              title: 'Design agreement',
              status: 'signed',
              client: { id: 'cl_1', name: 'Maria Lopez' },
              sent_at: '2026-11-20T09:00:00Z',
              signed_at: '2026-11-21T14:30:00Z',
              view_count: 2,
              updated_at: '2026-11-21T14:30:00Z',
            },
          ],
          next_cursor: null,
        },
      },
    });
    renderAt('/app/contracts', pages);
    const table = await screen.findByRole('table', { name: 'Contracts' });
    const row = within(table).getByRole('link', { name: 'Design agreement' }).closest('tr')!;
    expect(within(row).getByText('Status').nextSibling).toHaveTextContent('Signed');
    expect(await within(row).findByText('21 Nov 2026, 15:30')).toBeInTheDocument();
  });

  it('shows only the client in the address, and every contract after “Show all”', async () => {
    const summary = (id: string, title: string, client: { id: string; name: string }) => ({
      id,
      title,
      status: 'sent',
      client,
      sent_at: '2026-11-20T09:00:00Z',
      signed_at: null,
      view_count: 0,
      updated_at: '2026-11-20T09:00:00Z',
    });
    const fetch = stubApi({
      ...base,
      'GET /api/v1/clients/cl_1': { body: mariaClient },
      'GET /api/v1/contracts': (request) => {
        const mine = summary('ct_1', 'Design agreement', { id: 'cl_1', name: 'Maria Lopez' });
        const other = summary('ct_2', 'Hosting terms', { id: 'cl_2', name: 'Tom Berg' });
        const forMaria = new URL(request.url).searchParams.get('client_id') === 'cl_1';
        return { body: { items: forMaria ? [mine] : [mine, other], next_cursor: null } };
      },
    });
    renderAt('/app/contracts?client_id=cl_1', pages);

    expect(await screen.findByText('Showing only Maria Lopez’s contracts.')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Contracts' });
    expect(within(table).getByRole('link', { name: 'Design agreement' })).toBeInTheDocument();
    expect(within(table).queryByRole('link', { name: 'Hosting terms' })).toBeNull();
    expect(requestsOf(fetch)).toContain('GET /api/v1/contracts?client_id=cl_1');

    await userEvent.click(screen.getByRole('link', { name: 'Show all contracts' }));
    expect(screen.getByTestId('address')).toHaveTextContent(/^\/app\/contracts$/);
    expect(await within(table).findByRole('link', { name: 'Hosting terms' })).toBeInTheDocument();
    expect(screen.queryByText(/Showing only/)).toBeNull();
  });
});

describe('NewContractPage', () => {
  it('previews the Markdown safely and saves a draft', async () => {
    const bodies: unknown[] = [];
    stubApi({
      ...base,
      'POST /api/v1/contracts': async (request) => {
        bodies.push(await request.json());
        return { status: 201, body: aContract() };
      },
      'GET /api/v1/contracts/ct_1': { body: aContract() },
    });
    renderAt('/app/contracts/new', pages);

    await userEvent.click(await screen.findByRole('button', { name: 'Save draft' }));
    expect(screen.getByText('Write the text the client will sign.')).toBeInTheDocument();

    await userEvent.type(screen.getByRole('combobox', { name: 'Client' }), 'mar');
    await userEvent.click(await screen.findByRole('option', { name: /Maria Lopez/ }, { timeout: 5000 }));
    await userEvent.type(screen.getByLabelText('Title'), 'Design agreement');
    await userEvent.click(screen.getByLabelText(/Countersign after the client/));
    await userEvent.click(screen.getByLabelText('Contract text (Markdown)'));
    await userEvent.paste(
      '# Scope\n\nA **new** logo. <img src=x onerror=alert(1)> [terms](javascript:alert(2))',
    );

    const preview = screen.getByRole('region', { name: 'Preview of the contract' });
    expect(within(preview).getByRole('heading', { name: 'Scope' })).toBeInTheDocument();
    expect(within(preview).getByText('new').tagName).toBe('STRONG');
    // Raw HTML stays text, and a javascript: link is not made a link.
    expect(preview.querySelector('img')).toBeNull();
    expect(preview).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(within(preview).queryByRole('link')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('“Design agreement” saved as a draft')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        client_id: 'cl_1',
        title: 'Design agreement',
        body: '# Scope\n\nA **new** logo. <img src=x onerror=alert(1)> [terms](javascript:alert(2))',
        countersign: true,
      },
    ]);
  });
});

describe('NewContractPage from a template', () => {
  it('starts for the client in the address, and fills in the template for a quote of theirs', async () => {
    const renders: unknown[] = [];
    const bodies: unknown[] = [];
    stubApi({
      ...base,
      'GET /api/v1/clients/cl_1': { body: mariaClient },
      'GET /api/v1/templates': { body: { items: [aContractTemplate()] } },
      'GET /api/v1/quotes': {
        body: {
          items: [aQuoteSummary(), aQuoteSummary({ id: 'qt_2', number: 'Q-2026-0002', title: 'Shop' })],
        },
      },
      'POST /api/v1/templates/tc_1/render': async (request) => {
        const body = (await request.json()) as { quote_id?: string | null };
        renders.push(body);
        return body.quote_id
          ? {
              body: {
                template_id: 'tc_1',
                content: {
                  kind: 'contract',
                  title: 'Agreement for Q-2026-0002',
                  body: '# Agreement\n\nBetween Studio Anna and Maria Lopez, for €1,200.00.',
                },
              },
            }
          : problem(422, "The field 'quote_id' is invalid.", [
              {
                field: 'quote_id',
                message: 'is needed: the template uses {{quote.number}}; choose the quote it is about',
              },
            ]);
      },
      'POST /api/v1/contracts': async (request) => {
        bodies.push(await request.json());
        return { status: 201, body: aContract() };
      },
    });
    renderAt('/app/contracts/new?client_id=cl_1', pages);

    expect(await screen.findByRole('group', { name: 'Client' })).toHaveTextContent('Maria Lopez');
    const template = screen.getByLabelText('Start from a template');
    await waitFor(() => expect(template).toBeEnabled());
    await userEvent.selectOptions(template, 'Services agreement');

    // The template names a quote: the server says which to choose, at the quote's choice.
    const quote = await screen.findByLabelText('Quote it is about');
    await waitFor(() =>
      expect(quote).toHaveAccessibleDescription(
        'This template uses {{quote.number}}: choose the quote it is about.',
      ),
    );
    await userEvent.selectOptions(quote, 'Q-2026-0002 – Shop');

    expect(
      await screen.findByText(
        'Filled in from “Services agreement” for Maria Lopez: the title and the text. Check them and change anything before saving.',
      ),
    ).toBeInTheDocument();
    expect(renders).toEqual([
      { client_id: 'cl_1', quote_id: null },
      { client_id: 'cl_1', quote_id: 'qt_2' },
    ]);
    expect(screen.getByLabelText('Title')).toHaveValue('Agreement for Q-2026-0002');
    const preview = screen.getByRole('region', { name: 'Preview of the contract' });
    expect(within(preview).getByRole('heading', { name: 'Agreement' })).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Contract text (Markdown)'), ' Payment within 30 days.');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('“Design agreement” saved as a draft')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        client_id: 'cl_1',
        title: 'Agreement for Q-2026-0002',
        body: '# Agreement\n\nBetween Studio Anna and Maria Lopez, for €1,200.00. Payment within 30 days.',
        countersign: false,
      },
    ]);
  }, 30_000);
});

describe('EditContractPage', () => {
  it('warns that a sent contract must be read again, and sends only the changed text', async () => {
    const bodies: unknown[] = [];
    stubApi({
      ...base,
      'GET /api/v1/contracts/ct_1': { body: aContract({ status: 'sent' }) },
      'PATCH /api/v1/contracts/ct_1': async (request) => {
        bodies.push(await request.json());
        return { body: aContract({ status: 'sent', updated_at: '2026-11-22T09:00:00Z' }) };
      },
    });
    renderAt('/app/contracts/ct_1/edit', pages);
    expect(await screen.findByText(/they must read the new text before they can sign/)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Contract text (Markdown)'), '\n3. Two rounds of changes.');
    await userEvent.click(screen.getByRole('button', { name: 'Save contract' }));
    expect(await screen.findByText('“Design agreement” saved')).toBeInTheDocument();
    expect(bodies).toEqual([{ body: `${aContract().body}\n3. Two rounds of changes.` }]);
  });
});

describe('ContractDetailPage', () => {
  it('sends a draft after asking, and voids it after asking', async () => {
    let status = 'draft';
    stubApi({
      ...base,
      'GET /api/v1/contracts/ct_1': () => ({ body: aContract({ status: status as 'draft' }) }),
      'POST /api/v1/contracts/ct_1/send': () => {
        status = 'sent';
        return { body: aContract({ status: 'sent', sent_at: '2026-11-20T09:00:00Z' }) };
      },
      'POST /api/v1/contracts/ct_1/void': () => ({
        body: aContract({ status: 'void', voided_at: '2026-11-21T09:00:00Z' }),
      }),
    });
    renderAt('/app/contracts/ct_1', pages);
    expect(await screen.findByTestId('contract-text')).toContainHTML('<strong>Scope</strong>');
    expect(screen.queryByRole('button', { name: 'Download signed PDF' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Send to client' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send contract' }));
    expect(
      await screen.findByText('“Design agreement” sent — Maria Lopez has been emailed'),
    ).toBeInTheDocument();
    expect(screen.getByText('Waiting for Maria Lopez to sign.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Void' }));
    expect(
      screen.getByText(/Maria Lopez can no longer sign it\. This cannot be undone\./),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Void contract' }));
    expect(await screen.findByText('“Design agreement” is void')).toBeInTheDocument();
    expect(screen.getByText('Void contracts are final.')).toBeInTheDocument();
  });

  it('shows the signature’s audit trail and countersigns', async () => {
    const bodies: unknown[] = [];
    stubApi({
      ...base,
      'GET /api/v1/contracts/ct_1': { body: signed },
      'POST /api/v1/contracts/ct_1/countersign': async (request) => {
        bodies.push(await request.json());
        return {
          body: {
            ...signed,
            countersignature: { name: 'Anna Weber', signed_at: '2026-11-22T08:00:00Z' },
            updated_at: '2026-11-22T08:00:00Z',
          },
        };
      },
    });
    renderAt('/app/contracts/ct_1', pages);

    const audit = (await screen.findByRole('heading', { name: 'Signature' })).closest('section')!;
    expect(within(audit).getByText('Maria Lopez')).toBeInTheDocument();
    expect(within(audit).getByText('maria@example.com')).toBeInTheDocument();
    expect(await within(audit).findByText('21 Nov 2026, 15:30')).toBeInTheDocument();
    expect(within(audit).getByText('203.0.113.9')).toBeInTheDocument();
    expect(within(audit).getByText(/Firefox\/140\.0/)).toBeInTheDocument();
    expect(within(audit).getByText('Typed name')).toBeInTheDocument();
    expect(within(audit).getByText('a'.repeat(64))).toBeInTheDocument();
    expect(within(audit).getByText('Matches the text below.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download signed PDF' })).toBeInTheDocument();

    const name = await screen.findByLabelText('Your name, as printed under the signature');
    await userEvent.clear(name);
    await userEvent.type(name, 'Anna Weber');
    await userEvent.click(screen.getByRole('button', { name: 'Countersign' }));
    expect(await screen.findByText('“Design agreement” countersigned')).toBeInTheDocument();
    expect(bodies).toEqual([{ name: 'Anna Weber' }]);
    expect(within(audit).getByText('Anna Weber')).toBeInTheDocument();
    expect(screen.getByText('Signed and countersigned. Nothing more to do.')).toBeInTheDocument();
  });

  it('says when the text signed differs from the current text, and shows a refused countersignature', async () => {
    stubApi({
      ...base,
      'GET /api/v1/contracts/ct_1': {
        body: { ...signed, signature: { ...signature, signed_sha256: 'b'.repeat(64) } },
      },
      'POST /api/v1/contracts/ct_1/countersign': problem(
        409,
        '“Design agreement” is already countersigned by Lena.',
      ),
    });
    renderAt('/app/contracts/ct_1', pages);
    expect(await screen.findByText('Differs from the text below.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Your name, as printed under the signature'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Countersign' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('already countersigned by Lena');
  });

  it('downloads the signed PDF', async () => {
    const saved = captureDownloads();
    stubApi({
      ...base,
      'GET /api/v1/contracts/ct_1': { body: { ...signed, countersign: false } },
      'GET /api/v1/contracts/ct_1/pdf': pdfReply('Design-agreement-signed.pdf'),
    });
    renderAt('/app/contracts/ct_1', pages);
    await userEvent.click(await screen.findByRole('button', { name: 'Download signed PDF' }));
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('Design-agreement-signed.pdf');
  });
});
