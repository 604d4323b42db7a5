// A tiny stand-in for Stripe, speaking the subset Portico uses, so the end-to-end test never
// reaches the real service:
//   POST /v1/checkout/sessions  form-encoded, Bearer secret key → {id: "cs_test_…", url}
//   GET  /pay/<id>              the "hosted checkout": the amount and a Pay button
//   POST /pay/<id>              sends a signed `checkout.session.completed` webhook to the
//                               API (Stripe-Signature t=…,v1=HMAC-SHA256("t.body")), then
//                               sends the browser back to the session's success_url
//   GET  /sessions              what was created (for debugging a failed run)
// Usage: node fake-stripe.mjs <port>   (env FAKE_STRIPE_API: the API to notify)
import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? 12527);
const SECRET_KEY = 'sk_test_e2e';
const WEBHOOK_SECRET = 'whsec_e2e';
const api = process.env.FAKE_STRIPE_API ?? 'http://127.0.0.1:18080';
const sessions = new Map();

const read = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const json = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const html = (res, status, title, body) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
      '<meta name="viewport" content="width=device-width, initial-scale=1"></head>' +
      `<body style="font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem"><main>${body}</main></body></html>`,
  );
};

const escape = (s) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

/** Stripe's form encoding: `line_items[0][price_data][unit_amount]=…`, `metadata[tenant_id]=…`. */
function createSession(form) {
  const lines = new Map();
  const metadata = {};
  for (const [key, value] of form) {
    const line = /^line_items\[(\d+)\]\[(.+)\]$/.exec(key);
    if (line) {
      const entry = lines.get(line[1]) ?? {};
      entry[line[2]] = value;
      lines.set(line[1], entry);
    }
    const meta = /^metadata\[(.+)\]$/.exec(key);
    if (meta) metadata[meta[1]] = value;
  }
  if (form.get('mode') !== 'payment') return { error: 'mode must be payment' };
  if (lines.size === 0) return { error: 'line_items is required' };
  let amount = 0;
  let currency = null;
  for (const entry of lines.values()) {
    const unit = Number(entry['price_data][unit_amount']);
    const quantity = Number(entry.quantity ?? 1);
    const lineCurrency = entry['price_data][currency'];
    if (!Number.isInteger(unit) || unit <= 0) return { error: 'unit_amount must be a positive integer' };
    if (!lineCurrency) return { error: 'currency is required' };
    currency ??= lineCurrency;
    amount += unit * quantity;
  }
  for (const field of ['success_url', 'cancel_url']) {
    if (!form.get(field)) return { error: `${field} is required` };
  }
  const id = `cs_test_${randomBytes(12).toString('hex')}`;
  const session = {
    id,
    object: 'checkout.session',
    mode: 'payment',
    status: 'open',
    payment_status: 'unpaid',
    amount_total: amount,
    currency,
    client_reference_id: form.get('client_reference_id'),
    customer_email: form.get('customer_email'),
    success_url: form.get('success_url'),
    cancel_url: form.get('cancel_url'),
    metadata,
    url: `http://127.0.0.1:${port}/pay/${id}`,
  };
  sessions.set(id, session);
  return { session };
}

function money(minor, currency) {
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency.toUpperCase() }).format(
      minor / 100,
    );
  } catch {
    return `${minor / 100} ${currency}`;
  }
}

async function complete(session) {
  const event = {
    id: `evt_${randomBytes(12).toString('hex')}`,
    object: 'event',
    type: 'checkout.session.completed',
    created: Math.floor(Date.now() / 1000),
    data: {
      object: { ...session, status: 'complete', payment_status: 'paid', url: null },
    },
  };
  const body = JSON.stringify(event);
  const t = Math.floor(Date.now() / 1000);
  const v1 = createHmac('sha256', WEBHOOK_SECRET).update(`${t}.${body}`).digest('hex');
  const url = `${api}/api/v1/payments/webhooks/stripe/${encodeURIComponent(session.metadata.tenant_id ?? '')}`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': `t=${t},v1=${v1}` },
    body,
  });
  return { status: res.status, text: await res.text() };
}

createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const pay = /^\/pay\/(cs_test_[0-9a-f]+)$/.exec(url.pathname);

    if (req.method === 'GET' && url.pathname === '/') return json(res, 200, { ok: true });
    if (req.method === 'GET' && url.pathname === '/sessions') return json(res, 200, [...sessions.values()]);

    if (req.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
      if (req.headers.authorization !== `Bearer ${SECRET_KEY}`) {
        return json(res, 401, {
          error: { type: 'invalid_request_error', message: 'Invalid API Key provided' },
        });
      }
      if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        return json(res, 400, { error: { type: 'invalid_request_error', message: 'expected a form body' } });
      }
      const { session, error } = createSession(new URLSearchParams(await read(req)));
      if (error) return json(res, 400, { error: { type: 'invalid_request_error', message: error } });
      return json(res, 200, session);
    }

    if (pay && sessions.has(pay[1])) {
      const session = sessions.get(pay[1]);
      if (req.method === 'GET') {
        return html(
          res,
          200,
          'Fake Stripe Checkout',
          `<h1>Fake Stripe Checkout</h1>
           <p>Pay <strong data-testid="amount">${escape(money(session.amount_total, session.currency))}</strong>
              to settle ${escape(session.metadata.invoice_id ?? 'the invoice')}.</p>
           <form method="post" action="/pay/${session.id}"><button type="submit">Pay</button></form>
           <p><a href="${escape(session.cancel_url)}">Cancel and go back</a></p>`,
        );
      }
      if (req.method === 'POST') {
        const answer = await complete(session);
        if (answer.status >= 300) {
          return html(
            res,
            502,
            'Webhook refused',
            `<h1>The webhook was refused</h1><pre>${escape(answer.status)} ${escape(answer.text)}</pre>`,
          );
        }
        session.status = 'complete';
        session.payment_status = 'paid';
        res.writeHead(303, { location: session.success_url });
        return res.end();
      }
    }
    json(res, 404, {
      error: { type: 'invalid_request_error', message: `No such route: ${req.method} ${url.pathname}` },
    });
  } catch (err) {
    json(res, 500, { error: { message: String(err) } });
  }
}).listen(port, '127.0.0.1', () => console.log(`fake Stripe on http://127.0.0.1:${port}`));
