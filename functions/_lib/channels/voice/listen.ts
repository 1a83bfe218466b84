import { unseal } from '../../crypto.ts';
import { recordingSidAt } from '../../store/sealed.ts';
import { recordingOfToken } from '../../intake/recording-links.ts';
import { recordingById } from '../../store/voice-calls.ts';
import type { Tipline } from '../../tipline.ts';

const refuse = (status: number, reason: string) => new Response(reason, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * GET /api/voice/recording?t=<token>: a voice message, for a responder who asked for it with
 * `LISTEN <ref>` (intake/recording-links.ts). The audio comes from Twilio, fetched with the line's
 * own credentials, so the recording's address at Twilio is never given out. An expired or forged
 * token, or a report since deleted, gets nothing.
 */
export async function playRecording(request: Request, line: Tipline, now = new Date()): Promise<Response> {
  if (request.method !== 'GET') return new Response('Method not allowed: use GET', { status: 405, headers: { Allow: 'GET' } });
  const id = recordingOfToken(new URL(request.url).searchParams.get('t') ?? '', line.pseudonymKey, now);
  if (!id) return refuse(403, 'This link has expired or is not valid. Text LISTEN and the tip\'s reference to the line for a new one.');
  const recording = await recordingById(line.db, id);
  if (!recording) return refuse(404, 'This voice message has been deleted.');
  if (line.config.sms.transport !== 'twilio') return refuse(404, 'Local mode: the line has no Twilio account, so there is no recording to play.');
  const { accountSid, authToken } = line.config.twilio;
  const api = line.config.sms.apiBaseUrl ?? 'https://api.twilio.com';
  const audio = await fetch(`${api}/2010-04-01/Accounts/${accountSid}/Recordings/${unseal(recording.sidSealed, line.sealing, recordingSidAt(recording.id))}.mp3`, {
    headers: { Authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}` },
  });
  if (!audio.ok || !audio.body) return refuse(502, `Twilio did not give the recording (${audio.status}). Try again, or listen in Twilio's console.`);
  return new Response(audio.body, { headers: { 'Content-Type': 'audio/mpeg', 'Cache-Control': 'no-store', 'Content-Disposition': 'inline' } });
}
