import type { CountryHotlines } from '../../../src/schemas/hotline.ts';
import type { Locale } from '../../../src/i18n/locales.ts';
import type { TextsByLocale } from '../content.ts';
import type { Limits } from '../config.ts';
import type { Keyring } from '../crypto.ts';
import type { Directory, Responders } from '../routing/directory.ts';
import type { Channel, Db } from '../store/schema.ts';

/**
 * One incoming message, whatever the channel it came by: what a channel hands to the intake once it
 * has checked and parsed the request.
 */
export interface InboundMessage {
  channel: Channel;
  /**
   * The channel's own id for this message (Twilio's MessageSid or CallSid): a second delivery is a
   * no-op. The store keeps only a keyed hash of it; an SMS is erased at Twilio once taken in.
   */
  id: string;
  /**
   * Who sent it, as the channel knows them: a phone number (SMS, a call), kept only sealed and as a
   * pseudonym; for the web, the lookup id of the report's receipt, which threads what is added to it.
   */
  from: string;
  body: string;
  /** The sender's country (ISO code), if the channel knows it. */
  country?: string;
  /** Pictures or files that came with it: the line cannot take them in, and says so. */
  media?: number;
  /** The language the reporter chose in the channel itself (the web page's language). */
  locale?: Locale;
  /** The reporter said someone is in danger now (the web form, a voice message): urgent, whatever the words. */
  urgent?: boolean;
}

/**
 * The number the line could text the sender at: none for a web reporter, none for a caller who
 * withheld theirs (the voice line then names them by the call's id).
 */
export function replyNumberOf(message: Pick<InboundMessage, 'channel' | 'from'>): string | undefined {
  if (message.channel === 'web') return undefined;
  if (message.channel === 'voice' && !/^\+[0-9]{6,15}$/.test(message.from)) return undefined;
  return message.from;
}

/** What the intake works with: the store, the line's texts and numbers, keys and the responder directory. */
export interface IntakeContext {
  db: Db;
  texts: TextsByLocale;
  hotlines: Map<string, CountryHotlines>;
  sealing: Keyring;
  pseudonymKey: Buffer;
  autoReply: boolean;
  lineCountry?: string;
  directory: Directory;
  /** The directory's members, by number and by the key the store names them by. */
  responders: Responders;
  limits: Limits;
  /** How long after taking an SMS in it is erased at Twilio. */
  eraseDelayMs: number;
  /** The line's public origin, for links it sends responders (a voice message to hear). */
  publicBaseUrl: string;
}

/** The intake's settings and content: its context without the store, which a caller opens. */
export type IntakeSettings = Omit<IntakeContext, 'db'>;

/** The answer to send back, if any, and what happened (for tests and the simulator; no personal data). */
export interface IntakeResult {
  reply: string | null;
  outcome: 'duplicate' | 'report' | 'stop' | 'start' | 'help' | 'delete-requested' | 'delete' | 'language' | 'responder';
  tipRef?: string;
}
