import twilio from 'twilio';

/**
 * What to erase at Twilio: one message record (with its media), every message to and from a
 * number, one call's record, or one recording's audio.
 */
export type Erasure = { message: string } | { conversationWith: string } | { call: string } | { recording: string };

export interface Sender {
  /** Sends one SMS; throws when the provider does not take it. */
  send(message: { to: string; body: string }): Promise<{ sid: string; transport: string }>;
  /** Erases records at the provider; one already gone counts as erased. Throws to be tried again. */
  erase(what: Erasure): Promise<void>;
}

/** Twilio's error code for a resource that does not exist (here: already deleted). */
const NOT_FOUND = 20404;

/**
 * Real SMS through the `twilio` client (the API base URL can point at a fake API in tests). Twilio
 * keeps every message's body and numbers until they are deleted through its REST API: erasing a
 * message deletes its record and its media. Twilio refuses to delete a message it is still
 * processing (error 20009); the outbox tries again later.
 */
export function twilioSender(options: { accountSid: string; authToken: string; from: string; apiBaseUrl?: string }): Sender {
  const client = twilio(options.accountSid, options.authToken, { autoRetry: false });
  if (options.apiBaseUrl) client.api.baseUrl = options.apiBaseUrl;
  /** Deletes a record; one that is not there (deleted already) counts as deleted. */
  async function gone(remove: () => Promise<boolean>): Promise<void> {
    try {
      await remove();
    } catch (error) {
      if ((error as { code?: number }).code !== NOT_FOUND) throw error;
    }
  }
  const remove = (sid: string) => gone(() => client.messages(sid).remove());
  return {
    async send({ to, body }) {
      const message = await client.messages.create({ to, from: options.from, body });
      return { sid: message.sid, transport: 'twilio' };
    },
    async erase(what) {
      if ('message' in what) return remove(what.message);
      if ('call' in what) return gone(() => client.calls(what.call).remove());
      if ('recording' in what) return gone(() => client.recordings(what.recording).remove());
      const records = [...(await client.messages.list({ to: what.conversationWith })), ...(await client.messages.list({ from: what.conversationWith }))];
      for (const record of records) await remove(record.sid);
    },
  };
}

/**
 * Local mode with no Twilio account: nothing leaves the machine. The outbox row, marked sent with
 * transport "log", is the record of what would have been sent (npm run sms prints it); there is
 * nothing at a provider to erase.
 */
export const logSender: Sender = {
  async send() {
    return { sid: `LOG${Date.now().toString(36)}`, transport: 'log' };
  },
  async erase() {},
};
