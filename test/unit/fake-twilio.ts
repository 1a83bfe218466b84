import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentSms {
  to: string;
  from: string;
  body: string;
}

interface Held extends SentSms {
  sid: string;
}

/**
 * A stand-in for Twilio's REST API on loopback, so the real `twilio` client is used end to end.
 * Like Twilio, it keeps every message it holds (those it sent, and incoming ones a test says it
 * received) until they are deleted: it lists them by number and deletes them one by one. It holds
 * the calls and recordings a test says were made too, serves a recording's audio, and deletes
 * them. It can be told to fail the next requests (an outage).
 */
export async function startFakeTwilio() {
  const sent: SentSms[] = [];
  const held = new Map<string, Held>();
  const deleted: string[] = [];
  /** Calls and recordings held, by sid. */
  const records = new Set<string>();
  let failNext = 0;
  let requests = 0;
  let sids = 0;
  const json = (response: import('node:http').ServerResponse, status: number, body: unknown) =>
    response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  const notFound = { code: 20404, message: 'The requested resource was not found', status: 404 };

  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      requests += 1;
      const url = new URL(request.url ?? '/', 'http://fake');
      const messages = /^\/2010-04-01\/Accounts\/AC\w+\/Messages\.json$/.test(url.pathname);
      const one = /^\/2010-04-01\/Accounts\/AC\w+\/Messages\/(\w+)\.json$/.exec(url.pathname);
      const record = /^\/2010-04-01\/Accounts\/AC\w+\/(?:Calls|Recordings)\/(\w+)\.(json|mp3)$/.exec(url.pathname);
      if (record) {
        const [, sid, format] = record;
        if (!records.has(sid)) return json(response, 404, notFound);
        if (request.method === 'GET' && format === 'mp3') return response.writeHead(200, { 'Content-Type': 'audio/mpeg' }).end(`ID3 audio of ${sid}`);
        if (request.method !== 'DELETE') return json(response, 405, { code: 20004, message: 'Method not allowed', status: 405 });
        records.delete(sid);
        deleted.push(sid);
        return response.writeHead(204).end();
      }
      if (!messages && !one) return json(response, 404, notFound);
      if (failNext > 0) {
        failNext -= 1;
        return json(response, 503, { code: 20503, message: 'Service unavailable', status: 503 });
      }
      if (messages && request.method === 'POST') {
        const form = new URLSearchParams(body);
        const message = { to: form.get('To')!, from: form.get('From')!, body: form.get('Body')! };
        sent.push(message);
        const sid = `SM${(++sids).toString(16).padStart(32, 'f')}`;
        held.set(sid, { sid, ...message });
        return json(response, 201, { sid, status: 'queued', ...message });
      }
      if (messages && request.method === 'GET') {
        const to = url.searchParams.get('To');
        const from = url.searchParams.get('From');
        const found = [...held.values()].filter((m) => (!to || m.to === to) && (!from || m.from === from));
        return json(response, 200, {
          messages: found.map((m) => ({ sid: m.sid, to: m.to, from: m.from, body: m.body, status: 'delivered' })),
          end: found.length, first_page_uri: url.pathname, next_page_uri: null, page: 0, page_size: 50, previous_page_uri: null, start: 0, uri: url.pathname,
        });
      }
      if (one && request.method === 'DELETE') {
        if (!held.delete(one[1])) return json(response, 404, notFound);
        deleted.push(one[1]);
        return response.writeHead(204).end();
      }
      return json(response, 405, { code: 20004, message: 'Method not allowed', status: 405 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Every SMS it was asked to send, in order (tests may empty it). */
    sent,
    /** The sids of the messages deleted, in order. */
    deleted,
    /** Says a message reached the line through it, as Twilio would then hold it. */
    received(params: Record<string, string>) {
      held.set(params.MessageSid, { sid: params.MessageSid, to: params.To, from: params.From, body: params.Body });
    },
    /** Says a call was made, or a recording left, as Twilio would then hold its record. */
    holdRecord(sid: string) {
      records.add(sid);
    },
    /** Whether it still holds a call's or a recording's record. */
    holdsRecord: (sid: string) => records.has(sid),
    /** The messages it still holds to or from a number. */
    holding(number: string) {
      return [...held.values()].filter((m) => m.to === number || m.from === number);
    },
    get requests() {
      return requests;
    },
    failNextRequests(n: number) {
      failNext = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
