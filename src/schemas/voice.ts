import { z } from 'astro/zod';

const prompt = z.string().trim().min(3);
const withPlaceholders = (...names: string[]) =>
  prompt.refine((text) => names.every((name) => text.includes(`{${name}}`)), `must contain ${names.map((n) => `{${n}}`).join(' and ')}`);

/**
 * What the voice line says in one language: content/voice/<locale>.json. Each prompt is spoken with
 * the language's text-to-speech voice, or played from a recording of it when staff have made one
 * (public/audio/<locale>/, see `npm run voice:recordings`). A language without a voice (Khmer: Twilio
 * has none) is spoken only from recordings; without them the call goes on in English and offers the
 * information in that language by SMS.
 */
export const voiceTextSchema = z.object({
  /** Twilio's text-to-speech for this language, or null when Twilio has none. */
  speech: z
    .object({
      /** The language and accent, e.g. "th-TH". */
      language: z.string().regex(/^[a-z]{2,3}-[A-Z]{2}$/, 'a language and region, e.g. th-TH'),
      /** One of Twilio's voices for it, e.g. "Google.th-TH-Standard-A". */
      voice: z.string().min(3),
    })
    .nullable(),
  /** This language's option in the language menu, in this language: "For English, press {digit}." */
  menu: withPlaceholders('digit'),
  /** The first words of a call, in the line's own language: short, neutral, confidential. */
  greeting: prompt,
  /** Said once the language is chosen: {emergency} is the verified emergency number of the caller's country. */
  safety: withPlaceholders('emergency'),
  /** Before the call is offered to responders. */
  connecting: prompt,
  /** When no responder took the call. */
  noAnswer: prompt,
  /** What a voice message is and what happens to it: {days} is how long it is kept (RETENTION_DAYS). */
  recordingNotice: withPlaceholders('days'),
  /** The key that leaves a message. */
  recordOption: withPlaceholders('digit'),
  /** The key that sends the safety information by SMS instead (not offered on a silent line). */
  smsOption: withPlaceholders('digit'),
  /** Just before the beep. */
  speak: prompt,
  /** After a message was recorded. */
  thanks: prompt,
  /** After the safety information was sent by SMS. */
  smsSent: prompt,
  /** When the caller chose nothing, or said nothing. */
  goodbye: prompt,
  /** The SMS sent instead: {emergency}, {hotline} (the verified hotline, or nothing) and {delete}, the word that erases it. */
  sms: withPlaceholders('emergency', 'hotline', 'delete'),
  /** English only: the menu option of a language Twilio cannot speak and nobody recorded ({language}, in English). */
  menuFallback: withPlaceholders('language', 'digit').optional(),
  /**
   * English only: said in English when the chosen language has no voice and no recordings yet;
   * {language} is that language's name in English.
   */
  noVoice: withPlaceholders('language').optional(),
  /** English only: what a responder hears on picking up, before pressing 1 to take the call. */
  screen: withPlaceholders('language').optional(),
});

export type VoiceText = z.output<typeof voiceTextSchema>;
