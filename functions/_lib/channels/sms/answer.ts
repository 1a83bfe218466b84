import twilio from 'twilio';

/** The answer to Twilio's incoming-message webhook: TwiML with the reply, or empty for none. */
export function twiml(message: string | null): Response {
  const response = new twilio.twiml.MessagingResponse();
  if (message) response.message(message);
  return new Response(response.toString(), { headers: { 'Content-Type': 'text/xml; charset=utf-8', 'Cache-Control': 'no-store' } });
}
