import { tipline, type Tipline } from './_lib/tipline.ts';
import { secured } from './_lib/secure-headers.ts';
import { readForm } from './_lib/channels/request.ts';
import { isSignedByTwilio } from './_lib/channels/twilio-signature.ts';
import { callSchema, dialedSchema, recordedSchema, responderLegSchema, type Call } from './_lib/channels/voice/parse.ts';
import { acceptCall, afterDial, answerCall, choose, chooseLanguage, messageRecorded, screenResponder } from './_lib/channels/voice/calls.ts';
import { builtRecordings } from './_lib/channels/voice/audio.ts';
import { loadVoiceTexts } from './_lib/content.ts';
import { playRecording } from './_lib/channels/voice/listen.ts';
import type { VoiceTexts } from './_lib/channels/voice/prompts.ts';
import { isLocale, type Locale } from '../src/i18n/locales.ts';
import { describeIssues } from '../src/utils/content-errors.ts';

/**
 * The voice line: Twilio's webhooks for a call, each step answered with TwiML (see
 * _lib/channels/voice/calls.ts), and GET /api/voice/recording, where a responder hears a voice
 * message through a link that expires. Every webhook's signature is checked first (forged or
 * unsigned: 403), then its fields (malformed: 400); nothing of the caller is logged.
 */
export interface VoiceSetup {
  texts: VoiceTexts;
  /** The recordings of prompts that staff made (dist/audio/recordings.json). */
  audio: ReadonlySet<string>;
}

const steps = ['', '/language', '/screen', '/accept', '/dialed', '/choice', '/recorded'] as const;

export async function handleVoice(request: Request, line: Tipline, setup: VoiceSetup): Promise<Response> {
  const url = new URL(request.url);
  // `netlify serve` has handed the function a second request for /api/voice (a prefix of the other
  // steps' paths) as /api/voice/index.htm (test/unit/netlify-serve.test.ts): the same step.
  const path = url.pathname.replace(/^\/api\/voice/, '').replace(/\/(index\.html?)?$/, '');
  if (path === '/recording') return playRecording(request, line);
  if (!(steps as readonly string[]).includes(path)) return new Response(`Not found: ${url.pathname}`, { status: 404 });

  const params = await readForm(request, line.config.maxBodyBytes);
  if (params instanceof Response) return params;
  if (!isSignedByTwilio(request, params, line.config.twilio.authToken, line.config.publicBaseUrl)) {
    return new Response('Forbidden: this request is not signed by Twilio for this line', { status: 403 });
  }
  const schema = path === '/screen' || path === '/accept' ? responderLegSchema : path === '/dialed' ? dialedSchema : path === '/recorded' ? recordedSchema : callSchema;
  const parsed = schema.safeParse(params);
  if (!parsed.success) return new Response(`Bad request: ${describeIssues(parsed.error).join('; ')}`, { status: 400 });
  if (parsed.data.AccountSid !== line.config.twilio.accountSid) {
    return new Response('Forbidden: this request is for another Twilio account', { status: 403 });
  }
  const lang = url.searchParams.get('lang') ?? undefined;
  const locale: Locale = isLocale(lang) ? lang : 'en';
  // Each step's schema asked for its own fields; the other steps' are absent.
  const data: Call & { ParentCallSid?: string; RecordingSid?: string; RecordingDuration?: number } = parsed.data;
  const call = { line, ...setup, call: data, locale };
  try {
    switch (path) {
      case '': return await answerCall(call);
      case '/language': return await chooseLanguage(call);
      case '/screen': return await screenResponder(call);
      case '/accept': return await acceptCall({ ...call, parentCallSid: data.ParentCallSid! });
      case '/dialed': return await afterDial(call);
      case '/choice': return await choose(call);
      default: {
        const { RecordingSid, RecordingDuration = 0 } = data;
        return await messageRecorded({ ...call, recording: RecordingSid ? { sid: RecordingSid, seconds: RecordingDuration } : undefined });
      }
    }
  } catch (error) {
    // The log names the kind of failure only, never the caller or the recording.
    console.error(`Voice step failed: ${(error as Error).name}`);
    return new Response('Temporarily unavailable, please retry', { status: 503 });
  }
}

let setup: VoiceSetup | undefined;

async function voice(request: Request): Promise<Response> {
  setup ??= { texts: loadVoiceTexts(), audio: builtRecordings() };
  return handleVoice(request, await tipline(), setup);
}

export default secured(voice);

// Written out: Netlify reads a function's config without running it, so a computed list routes nothing.
export const config = {
  path: ['/api/voice', '/api/voice/language', '/api/voice/screen', '/api/voice/accept', '/api/voice/dialed', '/api/voice/choice', '/api/voice/recorded', '/api/voice/recording'],
};
