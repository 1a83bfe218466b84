import twilio from 'twilio';

export interface Sender {
  /** Sends one SMS; throws when the provider does not take it. */
  send(message: { to: string; body: string }): Promise<{ sid: string; transport: string }>;
}

/** Real SMS through the `twilio` client (the API base URL can point at a fake API in tests). */
export function twilioSender(options: { accountSid: string; authToken: string; from: string; apiBaseUrl?: string }): Sender {
  const client = twilio(options.accountSid, options.authToken, { autoRetry: false });
  if (options.apiBaseUrl) client.api.baseUrl = options.apiBaseUrl;
  return {
    async send({ to, body }) {
      const message = await client.messages.create({ to, from: options.from, body });
      return { sid: message.sid, transport: 'twilio' };
    },
  };
}

/**
 * Local mode with no Twilio account: nothing leaves the machine. The outbox row, marked sent with
 * transport "log", is the record of what would have been sent (npm run sms prints it).
 */
export const logSender: Sender = {
  async send() {
    return { sid: `LOG${Date.now().toString(36)}`, transport: 'log' };
  },
};
