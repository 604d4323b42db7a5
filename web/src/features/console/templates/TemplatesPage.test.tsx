import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { me, problem, renderAt, requestsOf, stubApi, tenant, type ApiStubs } from '@/test/testing';
import type { Template } from './api';
import { aContractTemplate, aProjectTemplate, mergeFields } from './fixtures';
import { TemplatesPage } from './TemplatesPage';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/settings/templates', element: <TemplatesPage /> }];

/** The API with `saved` as the business's templates, answering the list by `?kind=`. */
function api(saved: Template[], more: ApiStubs = {}) {
  return stubApi({
    'GET /api/v1/me': { body: me },
    'GET /api/v1/tenant': { body: tenant },
    'GET /api/v1/templates/merge-fields': { body: mergeFields },
    'GET /api/v1/templates': (request) => {
      const kind = new URL(request.url).searchParams.get('kind');
      return { body: { items: saved.filter((x) => x.kind === kind) } };
    },
    ...more,
  });
}

/** Records each body sent, and answers with `reply` (or what it makes of the body). */
function recording(bodies: unknown[], reply: (body: never) => Template, status = 201) {
  return async (request: Request) => {
    const body = (await request.json()) as never;
    bodies.push(body);
    return { status, body: reply(body) };
  };
}

const pick = (name: RegExp) => screen.getByRole('button', { name });

describe('TemplatesPage', () => {
  it('creates a project template with ordered tasks, a deliverable and a merge field', async () => {
    const bodies: unknown[] = [];
    api([], { 'POST /api/v1/templates': recording(bodies, () => aProjectTemplate()) });
    renderAt('/app/settings/templates', page);

    expect(await screen.findByText('No project templates yet')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'New project template' }));
    const form = screen.getByRole('form', { name: 'New project template' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Website project');
    const description = within(form).getByRole('textbox', { name: 'Description' });
    await userEvent.type(description, 'A new website for ');
    await userEvent.click(await screen.findByRole('button', { name: /^Client’s company/ }));
    expect(description).toHaveValue('A new website for {{client.company}}');
    // A project is made for a client only: no quote or project fields to choose.
    expect(screen.queryByRole('button', { name: /^Quote total/ })).not.toBeInTheDocument();

    // Enter starts the next task; the order can then be changed.
    await userEvent.type(within(form).getByRole('textbox', { name: 'Task 1' }), 'Wireframes{Enter}');
    expect(within(form).getByRole('textbox', { name: 'Task 2' })).toHaveFocus();
    await userEvent.keyboard('Kick-off call');
    await userEvent.click(within(form).getByRole('button', { name: 'Move task 2 up' }));
    expect(within(form).getByRole('textbox', { name: 'Task 1' })).toHaveValue('Kick-off call');
    // A task left empty is left out.
    await userEvent.click(within(form).getByRole('button', { name: 'Add task' }));

    await userEvent.click(within(form).getByRole('button', { name: 'Add deliverable' }));
    await userEvent.type(within(form).getByRole('textbox', { name: 'Title, deliverable 1' }), 'Sitemap for ');
    await userEvent.click(pick(/^Client’s name/));
    await userEvent.type(
      within(form).getByRole('textbox', { name: 'Description, deliverable 1' }),
      'Every page.',
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Create template' }));

    expect(await screen.findByText('Template “Website project” created')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        name: 'Website project',
        content: {
          kind: 'project',
          description: 'A new website for {{client.company}}',
          tasks: [{ title: 'Kick-off call' }, { title: 'Wireframes' }],
          deliverables: [{ title: 'Sitemap for {{client.name}}', description: 'Every page.' }],
        },
      },
    ]);
  }, 30_000);

  it('creates a quote template with the quote’s line editor', async () => {
    const bodies: unknown[] = [];
    api([], {
      'POST /api/v1/templates': recording(bodies, (b: { name: string }) => ({
        ...aProjectTemplate(),
        kind: 'quote',
        name: b.name,
      })),
    });
    renderAt('/app/settings/templates?kind=quote', page);

    await userEvent.click(await screen.findByRole('button', { name: 'New quote template' }));
    const form = screen.getByRole('form', { name: 'New quote template' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Logo package');
    await userEvent.type(within(form).getByLabelText('Quote title'), 'Logo for ');
    await userEvent.click(await screen.findByRole('button', { name: /^Client’s company/ }));
    // A quote may be for a project, not about another quote.
    expect(pick(/^Project name/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Quote total/ })).not.toBeInTheDocument();

    const line = within(form).getByRole('listitem', { name: 'Line 1' });
    await userEvent.type(within(line).getByLabelText(/^Description/), 'Logo design');
    await userEvent.type(within(line).getByLabelText(/^Quantity/), '{Backspace}2');
    await userEvent.type(within(line).getByLabelText(/^Unit price/), '450');
    await userEvent.type(within(line).getByLabelText(/^Tax %/), '20');
    expect(within(line).getByLabelText('Line 1 amount')).toHaveTextContent('€900.00');
    await userEvent.type(within(form).getByLabelText('Notes'), 'Two rounds of changes.');
    await userEvent.click(within(form).getByRole('button', { name: 'Create template' }));

    expect(await screen.findByText('Template “Logo package” created')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        name: 'Logo package',
        content: {
          kind: 'quote',
          title: 'Logo for {{client.company}}',
          notes: 'Two rounds of changes.',
          lines: [
            {
              description: 'Logo design',
              quantity: '2',
              unit_price_minor: 45000,
              tax_rate_bp: 2000,
              discount_bp: 0,
            },
          ],
        },
      },
    ]);
  }, 30_000);

  it('creates a contract template, previewing its Markdown', async () => {
    const bodies: unknown[] = [];
    api([], { 'POST /api/v1/templates': recording(bodies, () => aContractTemplate()) });
    renderAt('/app/settings/templates?kind=contract', page);

    await userEvent.click(await screen.findByRole('button', { name: 'New contract template' }));
    const form = screen.getByRole('form', { name: 'New contract template' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Services agreement');
    await userEvent.type(within(form).getByLabelText('Contract title'), 'Agreement');
    const body = within(form).getByLabelText('Contract text');
    await userEvent.type(body, '# Agreement{Enter}{Enter}Total: ');
    // A contract can name a quote of the client.
    await userEvent.click(await screen.findByRole('button', { name: /^Quote total/ }));
    expect(body).toHaveValue('# Agreement\n\nTotal: {{quote.total}}');
    const preview = screen.getByRole('region', { name: 'Preview of the contract text' });
    expect(within(preview).getByRole('heading', { name: 'Agreement' })).toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: 'Create template' }));

    expect(await screen.findByText('Template “Services agreement” created')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        name: 'Services agreement',
        content: { kind: 'contract', title: 'Agreement', body: '# Agreement\n\nTotal: {{quote.total}}' },
      },
    ]);
  }, 30_000);

  it('creates an email template, inserting a merge field where the cursor is', async () => {
    const bodies: unknown[] = [];
    api([], {
      'POST /api/v1/templates': recording(bodies, (b: { name: string }) => ({
        ...aProjectTemplate(),
        kind: 'email',
        name: b.name,
      })),
    });
    renderAt('/app/settings/templates?kind=email', page);

    await userEvent.click(await screen.findByRole('button', { name: 'New email template' }));
    const form = screen.getByRole('form', { name: 'New email template' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Follow-up');
    await userEvent.type(within(form).getByLabelText('Subject'), 'Checking in');
    const body = within(form).getByLabelText<HTMLTextAreaElement>('Message');
    await userEvent.type(body, 'Hello ,{Enter}How are things?');
    body.setSelectionRange(6, 6);
    await userEvent.click(await screen.findByRole('button', { name: /^Client’s first name/ }));
    expect(body).toHaveValue('Hello {{client.first_name}},\nHow are things?');
    // The cursor is after the field, so typing goes on there.
    await userEvent.keyboard(' Jr');
    expect(body).toHaveValue('Hello {{client.first_name}} Jr,\nHow are things?');
    await userEvent.click(within(form).getByRole('button', { name: 'Create template' }));

    expect(await screen.findByText('Template “Follow-up” created')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        name: 'Follow-up',
        content: {
          kind: 'email',
          subject: 'Checking in',
          body: 'Hello {{client.first_name}} Jr,\nHow are things?',
        },
      },
    ]);
  }, 30_000);

  it('asks to click into a text before inserting a merge field', async () => {
    api([]);
    renderAt('/app/settings/templates?kind=email', page);
    await userEvent.click(await screen.findByRole('button', { name: 'New email template' }));
    // The name is not a text a merge field goes into.
    await userEvent.click(screen.getByLabelText('Name'));
    await userEvent.click(await screen.findByRole('button', { name: /^Today’s date/ }));
    expect(screen.getByText('First click into the text where the field should go.')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('');
  });

  it('shows an unknown merge field under the task that uses it', async () => {
    api([], {
      'POST /api/v1/templates': problem(422, "The field 'content.tasks[1].title' is invalid.", [
        {
          field: 'content.tasks[1].title',
          message:
            'uses the unknown merge field {{client.full_name}}; the fields are {{client.name}}, {{client.first_name}}',
        },
      ]),
    });
    renderAt('/app/settings/templates', page);
    await userEvent.click(await screen.findByRole('button', { name: 'New project template' }));
    const form = screen.getByRole('form', { name: 'New project template' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Website project');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Task 1' }), 'Kick-off{Enter}{Enter}');
    // Task 2 stays empty (and is not sent): the server's second task is the third here.
    await userEvent.keyboard('Call {{{{client.full_name}}');
    await userEvent.click(within(form).getByRole('button', { name: 'Create template' }));

    const task3 = within(form).getByRole('textbox', { name: 'Task 3' });
    await waitFor(() => expect(task3).toHaveAttribute('aria-invalid', 'true'));
    expect(task3).toHaveAccessibleDescription(
      '{{client.full_name}} is not a merge field: choose one from the list of merge fields.',
    );
    expect(within(form).getByRole('textbox', { name: 'Task 2' })).not.toHaveAttribute('aria-invalid');
    expect(within(form).getByRole('alert')).toHaveTextContent(
      '{{client.full_name}} is not a merge field: choose one from the list of merge fields.',
    );
  }, 30_000);

  it('shows a taken name and an unknown field in a contract’s text on their inputs', async () => {
    let calls = 0;
    api([], {
      'POST /api/v1/templates': () =>
        ++calls === 1
          ? problem(409, "You already have a contract template named 'NDA'; choose another name.")
          : problem(422, "The field 'content.body' is invalid.", [
              { field: 'content.body', message: 'opens a merge field with {{ that is never closed with }}' },
            ]),
    });
    renderAt('/app/settings/templates?kind=contract', page);
    await userEvent.click(await screen.findByRole('button', { name: 'New contract template' }));
    const form = screen.getByRole('form', { name: 'New contract template' });
    await userEvent.type(within(form).getByLabelText('Name'), 'NDA');
    await userEvent.type(within(form).getByLabelText('Contract title'), 'Confidentiality');
    await userEvent.type(within(form).getByLabelText('Contract text'), 'Dear {{{{client.name');
    await userEvent.click(within(form).getByRole('button', { name: 'Create template' }));

    const name = within(form).getByLabelText('Name');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription(
      'You already have a contract template with this name. Choose another name.',
    );

    await userEvent.clear(name);
    await userEvent.type(name, 'NDA 2');
    await userEvent.click(within(form).getByRole('button', { name: 'Create template' }));
    const body = within(form).getByLabelText('Contract text');
    await waitFor(() => expect(body).toHaveAttribute('aria-invalid', 'true'));
    expect(body).toHaveAccessibleDescription('A merge field is opened with {{ but never closed with }}.');
    expect(name).not.toHaveAttribute('aria-invalid');
  }, 30_000);

  it('lists what each template holds, edits one and deletes one after asking', async () => {
    let saved = [aProjectTemplate(), aProjectTemplate({ id: 'tp_2', name: 'Logo project' })];
    const patches: unknown[] = [];
    const fetch = api([], {
      'GET /api/v1/templates': () => ({ body: { items: saved } }),
      'PATCH /api/v1/templates/tp_1': recording(
        patches,
        (b: { name: string }) => aProjectTemplate({ name: b.name }),
        200,
      ),
      'DELETE /api/v1/templates/tp_2': () => {
        saved = saved.filter((x) => x.id !== 'tp_2');
        return { status: 204 };
      },
    });
    renderAt('/app/settings/templates', page);

    const row = await screen.findByRole('listitem', { name: 'Website project' });
    expect(row).toHaveTextContent('3 tasks, 1 deliverable');

    await userEvent.click(within(row).getByRole('button', { name: 'Edit Website project' }));
    const form = screen.getByRole('form', { name: 'Edit “Website project”' });
    expect(within(form).getByRole('textbox', { name: 'Task 3' })).toHaveValue('Launch');
    const name = within(form).getByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Website');
    await userEvent.click(within(form).getByRole('button', { name: 'Save template' }));
    expect(await screen.findByText('Template “Website” saved')).toBeInTheDocument();
    // Only what changed is sent.
    expect(patches).toEqual([{ name: 'Website' }]);

    const logo = await screen.findByRole('listitem', { name: 'Logo project' });
    await userEvent.click(within(logo).getByRole('button', { name: 'Delete' }));
    expect(within(logo).getByText(/Delete the template “Logo project”\?/)).toBeInTheDocument();
    expect(requestsOf(fetch)).not.toContain('DELETE /api/v1/templates/tp_2');
    await userEvent.click(within(logo).getByRole('button', { name: 'Delete template' }));

    expect(await screen.findByText('Template “Logo project” deleted')).toBeInTheDocument();
    expect(requestsOf(fetch)).toContain('DELETE /api/v1/templates/tp_2');
    await waitFor(() =>
      expect(screen.queryByRole('listitem', { name: 'Logo project' })).not.toBeInTheDocument(),
    );
  }, 30_000);
});
