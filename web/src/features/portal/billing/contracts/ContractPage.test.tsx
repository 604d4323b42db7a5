import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { problem, renderAt, requestsOf, stubApi, type ApiStubs } from '@/test/testing';
import { ContractPage } from './ContractPage';
import { base, client, contract, inPortal, signedContract, viewing } from '../fixtures';
import { captureDownloads, pdfReply } from '@/test/downloads';

configure({ asyncUtilTimeout: 4000 });

const routes = [{ path: `${base}/contracts/:id`, element: inPortal(<ContractPage />) }];

function stubs(extra: ApiStubs = {}) {
  let current = contract;
  return stubApi({
    'GET /api/v1/portal/me': { body: client },
    'GET /api/v1/portal/contracts/ct_1': () => ({ body: current }),
    'POST /api/v1/portal/contracts/ct_1/sign': async (request) => {
      const body = (await request.clone().json()) as { signer_name: string };
      current = {
        ...signedContract,
        signature: { ...signedContract.signature!, signer_name: body.signer_name },
      };
      return { body: current };
    },
    ...extra,
  });
}

const signBody = async (fetch: ReturnType<typeof stubApi>) => {
  const request = fetch.mock.calls
    .map(([r]) => r as Request)
    .find((r) => r.method === 'POST' && r.url.endsWith('/sign'))!;
  return request.clone().json();
};

/** An IntersectionObserver the test drives: `reachEnd()` says the end of the text is on screen. */
function observeReading() {
  const callbacks: IntersectionObserverCallback[] = [];
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(callback: IntersectionObserverCallback) {
        callbacks.push(callback);
      }
      observe() {}
      disconnect() {}
    },
  );
  return () =>
    act(() => {
      for (const cb of callbacks) cb([{ isIntersecting: true } as IntersectionObserverEntry], {} as never);
    });
}

afterEach(() => vi.unstubAllGlobals());

it('renders the Markdown text, with raw HTML shown as text and links opening safely', async () => {
  stubs();
  renderAt(`${base}/contracts/ct_1`, routes);
  const text = await screen.findByTestId('contract-text');
  expect(within(text).getByRole('heading', { level: 1, name: 'Design agreement' })).toBeVisible();
  expect(text.querySelector('strong')).toHaveTextContent('Scope');
  const link = within(text).getByRole('link', { name: '30 days' });
  expect(link).toHaveAttribute('href', 'https://lumen.example/terms');
  expect(link).toHaveAttribute('target', '_blank');
  expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  // The HTML in the body is text on the page, and makes no element.
  expect(text).toHaveTextContent('Hello <img src=x onerror=alert(1)> and <script>alert(2)</script>');
  expect(document.querySelector('img, script, iframe')).toBeNull();
});

it('shows the signing form only once the end of the text has been reached', async () => {
  const reachEnd = observeReading();
  stubs();
  renderAt(`${base}/contracts/ct_1`, routes);
  expect(await screen.findByText(/Read the whole contract: the signing form appears/)).toBeVisible();
  expect(screen.queryByRole('textbox', { name: 'Full name' })).toBeNull();
  reachEnd();
  expect(await screen.findByRole('textbox', { name: 'Full name' })).toBeVisible();
  expect(screen.queryByText(/Read the whole contract/)).toBeNull();
});

it('asks for a name and the agreement before signing', async () => {
  const fetch = stubs();
  const user = userEvent.setup();
  renderAt(`${base}/contracts/ct_1`, routes);
  await user.click(await screen.findByRole('button', { name: 'Sign contract' }));
  expect(screen.getByRole('textbox', { name: 'Full name' })).toHaveAccessibleDescription(
    'Write your full name.',
  );
  expect(screen.getByRole('checkbox', { name: /^I agree/ })).toHaveAccessibleDescription(
    'Tick the box to confirm that you agree.',
  );
  expect(requestsOf(fetch)).not.toContain('POST /api/v1/portal/contracts/ct_1/sign');
});

it('signs with a typed name and the hash of the text read, then offers the signed PDF', async () => {
  const saved = captureDownloads();
  const fetch = stubs({ 'GET /api/v1/portal/contracts/ct_1/pdf': pdfReply('Design agreement (signed).pdf') });
  const user = userEvent.setup();
  renderAt(`${base}/contracts/ct_1`, routes);
  await user.type(await screen.findByRole('textbox', { name: 'Full name' }), 'Maria Lopez');
  expect(screen.getByTestId('typed-signature')).toHaveTextContent('Maria Lopez');
  await user.click(screen.getByRole('checkbox', { name: /^I agree to the terms of “Design agreement”/ }));
  await user.click(screen.getByRole('button', { name: 'Sign contract' }));

  expect(
    await screen.findByText('Contract signed — a signed copy is on its way to your email.'),
  ).toBeVisible();
  expect(await signBody(fetch)).toEqual({
    signer_name: 'Maria Lopez',
    body_sha256: 'a'.repeat(64),
    signature: { kind: 'typed', name: 'Maria Lopez' },
  });
  expect(screen.getByText('Signed by Maria Lopez on 21 Nov 2026, 15:30.')).toBeVisible();
  expect(screen.queryByRole('button', { name: 'Sign contract' })).toBeNull();

  await user.click(screen.getByRole('button', { name: 'Download signed PDF' }));
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(saved[0]!.name).toBe('Design agreement (signed).pdf');
  expect(await saved[0]!.blob.text()).toMatch(/^%PDF/);
});

it('signs with a drawn signature recorded as an SVG path of M and L commands', async () => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  vi.spyOn(HTMLCanvasElement.prototype, 'getBoundingClientRect').mockReturnValue({
    left: 10,
    top: 20,
    width: 300,
    height: 100,
    right: 310,
    bottom: 120,
    x: 10,
    y: 20,
    toJSON: () => ({}),
  });
  const fetch = stubs();
  const user = userEvent.setup();
  renderAt(`${base}/contracts/ct_1`, routes);
  await user.type(await screen.findByRole('textbox', { name: 'Full name' }), 'Maria Lopez');
  await user.click(screen.getByRole('radio', { name: 'Draw' }));
  await user.click(screen.getByRole('checkbox', { name: /^I agree/ }));

  // Nothing drawn yet.
  await user.click(screen.getByRole('button', { name: 'Sign contract' }));
  const pad = screen.getByRole('img', { name: /Signature pad/ });
  expect(pad).toHaveAccessibleDescription('Draw your signature in the box, or choose Type.');

  // One stroke with the mouse (the frame is 600 × 200, shown at 300 × 100), a tap with a pen.
  fireEvent.pointerDown(pad, { pointerId: 1, pointerType: 'mouse', button: 0, clientX: 20, clientY: 40 });
  fireEvent.pointerMove(pad, { pointerId: 1, pointerType: 'mouse', clientX: 30.33, clientY: 50 });
  fireEvent.pointerMove(pad, { pointerId: 1, pointerType: 'mouse', clientX: 30.4, clientY: 50 });
  fireEvent.pointerMove(pad, { pointerId: 1, pointerType: 'mouse', clientX: 60, clientY: 45.27 });
  fireEvent.pointerUp(pad, { pointerId: 1, pointerType: 'mouse', clientX: 60, clientY: 45.27 });
  fireEvent.pointerDown(pad, { pointerId: 2, pointerType: 'pen', clientX: 110, clientY: 70 });
  fireEvent.pointerUp(pad, { pointerId: 2, pointerType: 'pen', clientX: 110, clientY: 70 });

  await user.click(screen.getByRole('button', { name: 'Sign contract' }));
  await screen.findByText(/Signed by Maria Lopez/);
  expect(await signBody(fetch)).toEqual({
    signer_name: 'Maria Lopez',
    body_sha256: 'a'.repeat(64),
    signature: { kind: 'svg', path: 'M20 40 L40.7 60 L100 50.5 M200 100 L200 100', width: 600, height: 200 },
  });
});

it('clears a drawing', async () => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  const fetch = stubs();
  const user = userEvent.setup();
  renderAt(`${base}/contracts/ct_1`, routes);
  await user.type(await screen.findByRole('textbox', { name: 'Full name' }), 'Maria Lopez');
  await user.click(screen.getByRole('radio', { name: 'Draw' }));
  await user.click(screen.getByRole('checkbox', { name: /^I agree/ }));
  const pad = screen.getByRole('img', { name: /Signature pad/ });
  const clear = screen.getByRole('button', { name: 'Clear' });
  expect(clear).toBeDisabled();
  fireEvent.pointerDown(pad, { pointerId: 1, pointerType: 'touch', clientX: 0, clientY: 0 });
  fireEvent.pointerUp(pad, { pointerId: 1, pointerType: 'touch', clientX: 0, clientY: 0 });
  await user.click(clear);
  await user.click(screen.getByRole('button', { name: 'Sign contract' }));
  expect(pad).toHaveAccessibleDescription('Draw your signature in the box, or choose Type.');
  expect(requestsOf(fetch)).not.toContain('POST /api/v1/portal/contracts/ct_1/sign');
});

it('reloads a contract whose text changed, and asks for it to be read again', async () => {
  const reachEnd = observeReading();
  let changed = false;
  const fetch = stubs({
    'GET /api/v1/portal/contracts/ct_1': () => ({
      body: changed
        ? { ...contract, body: '# Design agreement\n\nNew payment terms.', body_sha256: 'b'.repeat(64) }
        : contract,
    }),
    'POST /api/v1/portal/contracts/ct_1/sign': () => {
      changed = true;
      return problem(409, 'The contract text changed since you opened it.');
    },
  });
  const user = userEvent.setup();
  renderAt(`${base}/contracts/ct_1`, routes);
  await screen.findByTestId('contract-text');
  reachEnd();
  await user.type(await screen.findByRole('textbox', { name: 'Full name' }), 'Maria Lopez');
  await user.click(screen.getByRole('checkbox', { name: /^I agree/ }));
  await user.click(screen.getByRole('button', { name: 'Sign contract' }));

  expect(
    await screen.findByText(
      'The text of this contract was updated since you opened it. Read it again before you sign.',
    ),
  ).toBeVisible();
  expect(screen.getByText('New payment terms.')).toBeVisible();
  expect(screen.queryByRole('textbox', { name: 'Full name' })).toBeNull();
  expect(screen.getByText(/Read the whole contract: the signing form appears/)).toBeVisible();
  expect(requestsOf(fetch).filter((r) => r === 'GET /api/v1/portal/contracts/ct_1')).toHaveLength(2);
});

it('says why signing was refused when the text is the same (already signed elsewhere)', async () => {
  stubs({ 'POST /api/v1/portal/contracts/ct_1/sign': problem(409, 'This contract is signed already.') });
  const user = userEvent.setup();
  renderAt(`${base}/contracts/ct_1`, routes);
  await user.type(await screen.findByRole('textbox', { name: 'Full name' }), 'Maria Lopez');
  await user.click(screen.getByRole('checkbox', { name: /^I agree/ }));
  await user.click(screen.getByRole('button', { name: 'Sign contract' }));
  expect(await screen.findByText('This contract is signed already.')).toBeVisible();
});

it('offers no signature to staff viewing as the client', async () => {
  stubs({ 'GET /api/v1/portal/me': { body: viewing } });
  renderAt(`${base}/contracts/ct_1`, routes);
  expect(await screen.findByText('Waiting for the client to read and sign it.')).toBeVisible();
  expect(screen.queryByRole('textbox', { name: 'Full name' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Sign contract' })).toBeNull();
});

it('says a withdrawn contract can no longer be signed', async () => {
  stubs({
    'GET /api/v1/portal/contracts/ct_1': {
      body: { ...contract, status: 'void', voided_at: '2026-11-22T09:00:00Z' },
    },
  });
  renderAt(`${base}/contracts/ct_1`, routes);
  expect(
    await screen.findByText(
      'Lumen Design Studio withdrew this contract on 22 Nov 2026, 10:00; it can no longer be signed.',
    ),
  ).toBeVisible();
  expect(screen.getByText('Void')).toBeVisible();
  expect(screen.queryByRole('button', { name: 'Sign contract' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Download signed PDF' })).toBeNull();
});
