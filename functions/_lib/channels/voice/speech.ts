import type twilio from 'twilio';
import { fill } from '../../../../src/i18n/fill.ts';
import type { Locale } from '../../../../src/i18n/locales.ts';
import { menuDigit, prompt, promptKeys, recordingPath, type PromptKey, type PromptValues, type VoiceTexts } from './prompts.ts';

type VoiceResponse = twilio.twiml.VoiceResponse;
/** Where TwiML can speak: the whole response, or a menu that listens for a key meanwhile. */
type Speaker = Pick<VoiceResponse, 'say' | 'play'>;
type SayAttributes = Parameters<VoiceResponse['say']>[0];

/** What a call needs to speak: the texts, the recordings staff made, and this call's values. */
export interface Speaking {
  texts: VoiceTexts;
  /** Recordings that exist, as paths under /audio/ ("km/greeting-1a2b3c4d.mp3"). */
  audio: ReadonlySet<string>;
  /** The public origin the recordings are played from. */
  baseUrl: string;
  values: PromptValues;
}

/** The language's name in English ("Khmer"), for what the line says in English about it. */
export const englishName = (locale: Locale) => new Intl.DisplayNames(['en'], { type: 'language' }).of(locale) ?? locale;

function sayIn(node: Speaker, s: Speaking, locale: Locale, text: string): void {
  const speech = s.texts.get(locale)!.speech!;
  node.say({ language: speech.language, voice: speech.voice } as SayAttributes, text);
}

/**
 * Says one prompt: its recording when staff made one of these exact words, played before any
 * text-to-speech; else Twilio's voice for the language; else, for a language Twilio cannot speak
 * (Khmer), the same prompt in English.
 */
export function speak(node: Speaker, s: Speaking, locale: Locale, key: PromptKey): void {
  const said = prompt(s.texts, locale, key, s.values);
  const path = recordingPath(said);
  if (s.audio.has(path)) node.play(`${s.baseUrl}/audio/${path}`);
  else if (s.texts.get(locale)!.speech) sayIn(node, s, locale, said.text);
  else speak(node, s, 'en', key);
}

/** A language's option in the menu, in that language, or in English for one Twilio cannot speak and nobody recorded. */
export function menuOption(node: Speaker, s: Speaking, locale: Locale): void {
  const option = prompt(s.texts, locale, 'menu', s.values);
  if (s.audio.has(recordingPath(option)) || s.texts.get(locale)!.speech) speak(node, s, locale, 'menu');
  else sayIn(node, s, 'en', fill(s.texts.get('en')!.menuFallback!, { language: englishName(locale), digit: menuDigit(locale) }));
}

/** Whether every prompt of a language can be said in it: by Twilio's voice, or from recordings of all of them. */
export function speaksFully(s: Speaking, locale: Locale): boolean {
  if (s.texts.get(locale)!.speech) return true;
  return promptKeys.every((key) => s.audio.has(recordingPath(prompt(s.texts, locale, key, s.values))));
}

/** Said in English, once, when a caller chose a language the line cannot fully speak: it goes on in English, and offers that language by SMS. */
export function sayNoVoice(node: Speaker, s: Speaking, locale: Locale): void {
  sayIn(node, s, 'en', fill(s.texts.get('en')!.noVoice!, { language: englishName(locale) }));
}

/** What a responder hears on picking up, in English: the call's language, and the key that takes it. */
export function sayScreen(node: Speaker, s: Speaking, locale: Locale): void {
  sayIn(node, s, 'en', fill(s.texts.get('en')!.screen!, { language: englishName(locale) }));
}
