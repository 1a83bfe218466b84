import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentSms {
  to: string;
  from: string;
  body: string;
}

/**
 * A stand-in for Twilio's REST API on loopback, so the real `twilio` client is used end to end.
 * It records each message it accepts, and can be told to fail the next requests (an outage).
 */
export async function startFakeTwilio() {
  const sent: SentSms[] = [];
  let failNext = 0;
  let requests = 0;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      requests += 1;
      if (request.method !== 'POST' || !/\/2010-04-01\/Accounts\/AC\w+\/Messages\.json$/.test(request.url ?? '')) {
        response.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code: 20404, message: 'Not found', status: 404 }));
        return;
      }
      if (failNext > 0) {
        failNext -= 1;
        response.writeHead(503, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code: 20503, message: 'Service unavailable', status: 503 }));
        return;
      }
      const form = new URLSearchParams(body);
      const message = { to: form.get('To')!, from: form.get('From')!, body: form.get('Body')! };
      sent.push(message);
      const sid = `SM${sent.length.toString(16).padStart(32, '0')}`;
      response.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ sid, status: 'queued', ...message }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    get requests() {
      return requests;
    },
    failNextRequests(n: number) {
      failNext = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
