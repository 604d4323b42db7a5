// A loopback SMTP server for the end-to-end tests: the API sends its login emails here over
// a real SMTP conversation, and the tests read them back over HTTP (GET /messages?to=…).
// Usage: node mail-sink.mjs <smtp-port> <http-port>
import { createServer as createHttp } from 'node:http';
import { createServer as createTcp } from 'node:net';

const [smtpPort, httpPort] = process.argv.slice(2).map(Number);
const messages = [];

createTcp((socket) => {
  let buffer = '';
  let inData = false;
  let rcpt = [];
  const reply = (line) => socket.write(line + '\r\n');
  reply('220 mail-sink ESMTP');
  socket.on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    for (;;) {
      if (inData) {
        const end = buffer.indexOf('\r\n.\r\n');
        if (end < 0) return;
        const data = buffer.slice(0, end).replace(/\r\n\.\./g, '\r\n.');
        buffer = buffer.slice(end + 5);
        inData = false;
        messages.push({ to: rcpt, data, at: Date.now() });
        rcpt = [];
        reply('250 2.0.0 queued');
        continue;
      }
      const nl = buffer.indexOf('\r\n');
      if (nl < 0) return;
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO') reply('250-mail-sink\r\n250 8BITMIME');
      else if (verb === 'HELO') reply('250 mail-sink');
      else if (verb === 'MAIL') reply('250 2.1.0 ok');
      else if (verb === 'RCPT') {
        rcpt.push(line.replace(/^RCPT TO:\s*<?([^>]*)>?.*$/i, '$1').toLowerCase());
        reply('250 2.1.5 ok');
      } else if (verb === 'DATA') {
        inData = true;
        reply('354 end with <CRLF>.<CRLF>');
      } else if (verb === 'QUIT') {
        reply('221 bye');
        socket.end();
      } else if (verb === 'RSET' || verb === 'NOOP') reply('250 ok');
      else reply('502 5.5.2 not implemented');
    }
  });
  socket.on('error', () => {});
}).listen(smtpPort, '127.0.0.1');

createHttp((req, res) => {
  const url = new URL(req.url, 'http://sink');
  if (url.pathname === '/messages') {
    const to = url.searchParams.get('to')?.toLowerCase();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(messages.filter((m) => !to || m.to.includes(to))));
  } else {
    res.statusCode = url.pathname === '/' ? 200 : 404;
    res.end('mail sink');
  }
}).listen(httpPort, '127.0.0.1');
