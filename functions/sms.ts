import { tipline, type Tipline } from './_lib/tipline.ts';
import { readForm } from './_lib/channels/request.ts';
import { isSignedByTwilio } from './_lib/channels/twilio-signature.ts';
import { inboundSmsSchema } from './_lib/channels/sms/parse.ts';
import { twiml } from './_lib/channels/sms/answer.ts';
import { describeIssues } from '../src/utils/content-errors.ts';
import { secured } from './_lib/secure-headers.ts';

/**
 * POST /api/sms: Twilio's incoming-message webhook. Checks the signature first (forged or unsigned:
 * 403, nothing stored), then the fields (malformed: 400 with the reason), stores the message once
 * and answers with TwiML in the reporter's language.
 */
export async function handleSms(request: Request, line: Tipline): Promise<Response> {
  const params = await readForm(request, line.config.maxBodyBytes);
  if (params instanceof Response) return params;
  if (!isSignedByTwilio(request, params, line.config.twilio.authToken, line.config.publicBaseUrl)) {
    return new Response('Forbidden: this request is not signed by Twilio for this line', { status: 403 });
  }
  const parsed = inboundSmsSchema.safeParse(params);
  if (!parsed.success) {
    return new Response(`Bad request: ${describeIssues(parsed.error).join('; ')}`, { status: 400 });
  }
  if (parsed.data.accountSid !== line.config.twilio.accountSid) {
    return new Response('Forbidden: this request is for another Twilio account', { status: 403 });
  }
  try {
    const result = await line.intake(parsed.data.message);
    return twiml(result.reply);
  } catch (error) {
    // Nothing was stored (the transaction rolled back): a 5xx makes Twilio send it again. The log
    // names the kind of failure only, never the message or the number.
    console.error(`SMS intake failed: ${(error as Error).name}`);
    return new Response('Temporarily unavailable, please retry', { status: 503 });
  }
}

async function sms(request: Request): Promise<Response> {
  return handleSms(request, await tipline());
}

export default secured(sms);

export const config = { path: '/api/sms' };
