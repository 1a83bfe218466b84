import twilio from 'twilio';
import { locales, type Locale } from '../../../../src/i18n/locales.ts';
import { textFor } from '../../content.ts';
import { randomUUID } from 'node:crypto';
import { providerIdHash, pseudonymFor, seal } from '../../crypto.ts';
import { replyNumberOf, type InboundMessage } from '../../intake/message.ts';
import { reporterPseudonym } from '../../intake/receive.ts';
import { fillReply } from '../../intake/replies.ts';
import { emergencyNumberOf } from '../../../../src/utils/hotlines.ts';
import { enqueue } from '../../outbox/delivery.ts';
import { routeFor } from '../../routing/directory.ts';
import { membersOf } from '../../routing/notifications.ts';
import { queueErasures } from '../../store/inbound-batch.ts';
import { recordingSidAt, reporterNumberAt } from '../../store/sealed.ts';
import { conversationByPseudonym, ensureConversation, firstTime, happened, revokedAmong, saveRecording } from '../../store/voice-calls.ts';
import type { Tipline } from '../../tipline.ts';
import type { Call } from './parse.ts';
import { localeOfDigit, type VoiceTexts } from './prompts.ts';
import { englishName, menuOption, sayNoVoice, sayScreen, speak, speaksFully, type Speaking } from './speech.ts';

/**
 * A call to the line, step by step. Each step is a webhook that answers with TwiML and names the
 * next step's URL; the caller's language travels in that URL (?lang=km). Nothing of the caller is
 * logged; their number is kept only sealed, and only if they leave a message or ask for an SMS.
 *
 *   /api/voice            greeting, then the language menu (each option in its own language)
 *   /api/voice/language   the safety line, then the call offered to the on-call responders
 *   /api/voice/screen     a responder picks up: told the language, press 1 to take the call
 *   /api/voice/accept     the responder's key: 1 connects them, anything else hangs up
 *   /api/voice/dialed     nobody took it: leave a message (and how it is kept), or get an SMS
 *   /api/voice/choice     the caller's choice
 *   /api/voice/recorded   the message: a tip, routed like an SMS tip
 */
export interface VoiceCall {
  line: Tipline;
  texts: VoiceTexts;
  audio: ReadonlySet<string>;
  call: Call;
  /** The language chosen, from the step's URL. */
  locale?: Locale;
}

const twiml = (response: twilio.twiml.VoiceResponse) =>
  new Response(response.toString(), { headers: { 'Content-Type': 'text/xml; charset=utf-8', 'Cache-Control': 'no-store' } });

/** A step's absolute URL (Twilio signs the URL it calls, so it must be the public one). */
function step(line: Tipline, path: string, locale?: Locale): string {
  return `${line.config.publicBaseUrl}/api/voice${path}${locale ? `?lang=${locale}` : ''}`;
}

/** The language most people of a country speak, where it is one of ours (KH → km). */
const localeOfCountry = (country: string | undefined) => locales.find((l) => l.country !== null && l.country === country)?.code;

/** The caller's country: where Twilio says the call comes from, else the line's own. */
const countryOf = (v: VoiceCall) => v.call.FromCountry ?? v.line.lineCountry;

function speaking(v: VoiceCall): Speaking {
  const hotlines = v.line.hotlines.get(countryOf(v) ?? '');
  const emergency = emergencyNumberOf(hotlines);
  return { texts: v.texts, audio: v.audio, baseUrl: v.line.config.publicBaseUrl, values: { emergency, days: v.line.config.retentionDays } };
}

/** The caller as the intake knows them: their number, or, when they withheld it, this call alone. */
function caller(v: VoiceCall): Pick<InboundMessage, 'channel' | 'from' | 'id'> {
  const number = /^\+[0-9]{6,15}$/.test(v.call.From) ? v.call.From : undefined;
  return { channel: 'voice', from: number ?? v.call.CallSid, id: v.call.CallSid };
}

/**
 * Twilio keeps a record of every call, with the caller's number. It is erased once the call is
 * over, like an SMS once taken in (Twilio refuses while the call goes on; the outbox tries again).
 * A voice message's recording is kept apart, until its report is deleted.
 */
async function eraseCallLater(line: Tipline, callSid: string): Promise<void> {
  await line.db.transaction().execute(async (tx) => {
    if (await firstTime(tx, providerIdHash(`erase-call:${callSid}`, line.pseudonymKey))) {
      await queueErasures(tx, line.sealing, [{ purpose: 'erase-call', target: callSid }], line.eraseDelayMs);
    }
  });
}

/** /api/voice: a short greeting in the line's language, then the language menu. */
export async function answerCall(v: VoiceCall): Promise<Response> {
  await eraseCallLater(v.line, v.call.CallSid);
  const s = speaking(v);
  const home = localeOfCountry(v.line.lineCountry) ?? 'en';
  const response = new twilio.twiml.VoiceResponse();
  speak(response, s, home, 'greeting');
  const menu = response.gather({ numDigits: 1, timeout: 5, action: step(v.line, '/language') });
  // The line's own language first; every option in its own language, with its key from the site's list.
  for (const locale of [home, ...locales.map((l) => l.code).filter((code) => code !== home)]) menuOption(menu, s, locale);
  // No key: the line's own language.
  response.redirect(step(v.line, '/language'));
  return twiml(response);
}

/** /api/voice/language: the safety line in the chosen language, then the on-call responders. */
export async function chooseLanguage(v: VoiceCall): Promise<Response> {
  const locale = localeOfDigit(v.call.Digits) ?? localeOfCountry(v.line.lineCountry) ?? 'en';
  const s = speaking(v);
  const response = new twilio.twiml.VoiceResponse();
  if (!speaksFully(s, locale)) sayNoVoice(response, s, locale);
  speak(response, s, locale, 'safety');
  // A live caller is urgent: the route for urgent tips of their country and language.
  const { route } = routeFor(v.line.directory, { country: countryOf(v) ?? null, locale, urgency: 'urgent' });
  // A revoked responder is never rung: their phone may be in other hands.
  const group = membersOf(v.line.directory, v.line.responders, route.notify[0]);
  const revoked = await revokedAmong(v.line.db, group.map((r) => r.key));
  const onCall = group.filter((r) => !revoked.has(r.key)).slice(0, 10);
  // Responders must see the line's number, never the caller's: without the line's own number to
  // show, nobody is called.
  const lineNumber = v.line.config.sms.transport === 'twilio' ? v.line.config.sms.from : undefined;
  if (!onCall.length || !lineNumber) {
    response.redirect(step(v.line, '/dialed', locale));
    return twiml(response);
  }
  speak(response, s, locale, 'connecting');
  const dial = response.dial({
    callerId: lineNumber, timeout: v.line.config.voice.dialSeconds, answerOnBridge: true, action: step(v.line, '/dialed', locale),
  });
  for (const responder of onCall) dial.number({ url: step(v.line, '/screen', locale) }, responder.phone);
  return twiml(response);
}

/** /api/voice/screen: a responder picked up. A voicemail box presses nothing and is hung up on. */
export async function screenResponder(v: VoiceCall & { locale: Locale }): Promise<Response> {
  await eraseCallLater(v.line, v.call.CallSid);
  const response = new twilio.twiml.VoiceResponse();
  const listen = response.gather({ numDigits: 1, timeout: 8, action: step(v.line, '/accept') });
  sayScreen(listen, speaking(v), v.locale);
  response.hangup();
  return twiml(response);
}

/** The mark a responder's 1 leaves on the caller's call: the Dial's end then means a conversation took place. */
const acceptedMark = (line: Tipline, parentCallSid: string) => providerIdHash(`accepted:${parentCallSid}`, line.pseudonymKey);

/** /api/voice/accept: 1 takes the call (an empty answer connects the two), any other key declines it. */
export async function acceptCall(v: VoiceCall & { parentCallSid: string }): Promise<Response> {
  const response = new twilio.twiml.VoiceResponse();
  if (v.call.Digits === '1') await firstTime(v.line.db, acceptedMark(v.line, v.parentCallSid));
  else response.hangup();
  return twiml(response);
}

/** Whether the line may text this caller: not on a silent line, not after STOP, and only to a number. */
async function maySendSms(v: VoiceCall): Promise<boolean> {
  const number = replyNumberOf(caller(v));
  if (!v.line.autoReply || !number) return false;
  const conversation = await conversationByPseudonym(v.line.db, pseudonymFor(number, v.line.pseudonymKey));
  return !conversation?.optedOut;
}

/** /api/voice/dialed: if no responder took the call, a message (and what happens to it) or an SMS instead. */
export async function afterDial(v: VoiceCall & { locale: Locale }): Promise<Response> {
  const response = new twilio.twiml.VoiceResponse();
  if (await happened(v.line.db, acceptedMark(v.line, v.call.CallSid))) {
    response.hangup();
    return twiml(response);
  }
  const s = speaking(v);
  speak(response, s, v.locale, 'noAnswer');
  speak(response, s, v.locale, 'recordingNotice');
  const choice = response.gather({ numDigits: 1, timeout: 8, action: step(v.line, '/choice', v.locale) });
  speak(choice, s, v.locale, 'recordOption');
  if (await maySendSms(v)) speak(choice, s, v.locale, 'smsOption');
  response.redirect(step(v.line, '/choice', v.locale));
  return twiml(response);
}

/** The SMS a caller asks for: the safety information in their language, from the line's number. */
function smsText(v: VoiceCall & { locale: Locale }): string {
  const tipline = textFor(v.line.texts, v.locale);
  const template = v.texts.get(v.locale)!.sms.replace('{delete}', (tipline.keywords.delete[0] ?? 'DELETE').toLocaleUpperCase(v.locale));
  return fillReply(template, tipline, v.line.hotlines.get(countryOf(v) ?? ''));
}

/**
 * Queues the SMS once per call (Twilio may ask twice), to the caller's conversation: made for them
 * if they have none, so that what they text later joins it, and DELETE or retention erase it all.
 */
async function sendSmsInstead(v: VoiceCall & { locale: Locale }): Promise<void> {
  const number = replyNumberOf(caller(v))!;
  await v.line.db.transaction().execute(async (tx) => {
    if (!(await firstTime(tx, providerIdHash(`voice-sms:${v.call.CallSid}`, v.line.pseudonymKey)))) return;
    const id = randomUUID();
    const conversationId = await ensureConversation(tx, {
      id,
      reporterPseudonym: pseudonymFor(number, v.line.pseudonymKey),
      reporterNumberSealed: seal(number, v.line.sealing, reporterNumberAt(id)),
      locale: v.locale,
      country: countryOf(v) ?? null,
    });
    await enqueue(tx, v.line.sealing, { tipId: null, purpose: 'to-reporter', recipient: { reporter: conversationId }, body: smsText(v), urgent: false });
  });
}

/** /api/voice/choice: 1 records a message, 2 sends the safety information by SMS, nothing says goodbye. */
export async function choose(v: VoiceCall & { locale: Locale }): Promise<Response> {
  const s = speaking(v);
  const response = new twilio.twiml.VoiceResponse();
  if (v.call.Digits === '1') {
    speak(response, s, v.locale, 'speak');
    // No transcription: Twilio's is English only, and a responder listens to the caller's own voice.
    response.record({ action: step(v.line, '/recorded', v.locale), maxLength: v.line.config.voice.messageSeconds, timeout: 10, finishOnKey: '#', playBeep: true, trim: 'trim-silence' });
  } else if (v.call.Digits === '2' && (await maySendSms(v))) {
    await sendSmsInstead(v);
    speak(response, s, v.locale, 'smsSent');
    response.hangup();
    return twiml(response);
  }
  speak(response, s, v.locale, 'goodbye');
  response.hangup();
  return twiml(response);
}

/**
 * /api/voice/recorded: the message becomes a tip, routed like an SMS tip and urgent (nobody could
 * take the call). Responders get the tip's reference and how long the message is, never the
 * number; `LISTEN <ref> <PIN>` gets them a link to hear it that expires. Stored once per call; the
 * audio stays at Twilio, its id sealed here, until its report is deleted.
 */
export async function messageRecorded(v: VoiceCall & { locale: Locale; recording?: { sid: string; seconds: number } }): Promise<Response> {
  const s = speaking(v);
  const response = new twilio.twiml.VoiceResponse();
  if (!v.recording || v.recording.seconds < 1) {
    if (v.recording) await eraseRecording(v.line, v.recording.sid);
    speak(response, s, v.locale, 'goodbye');
    response.hangup();
    return twiml(response);
  }
  const message: InboundMessage = {
    ...caller(v),
    body: `Voice message, ${v.recording.seconds} s, in ${englishName(v.locale)}. To hear it, text LISTEN, this tip's reference and your PIN.`,
    country: v.call.FromCountry,
    locale: v.locale,
    urgent: true,
  };
  await v.line.intake(message);
  const id = randomUUID();
  const kept = await saveRecording(v.line.db, {
    id,
    reporterPseudonym: reporterPseudonym(message, v.line.pseudonymKey),
    sidHash: providerIdHash(v.recording.sid, v.line.pseudonymKey),
    sidSealed: seal(v.recording.sid, v.line.sealing, recordingSidAt(id)),
    seconds: v.recording.seconds,
  });
  // Its conversation is gone already (erased meanwhile): so is the message.
  if (!kept) await eraseRecording(v.line, v.recording.sid);
  speak(response, s, v.locale, 'thanks');
  response.hangup();
  return twiml(response);
}

/** Queues the erasure of a recording at Twilio (one not kept: too short, or its report gone). */
async function eraseRecording(line: Tipline, sid: string): Promise<void> {
  await line.db.transaction().execute((tx) => queueErasures(tx, line.sealing, [{ purpose: 'erase-recording', target: sid }], 0));
}
