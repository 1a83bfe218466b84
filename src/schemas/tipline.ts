import { z } from 'astro/zod';

const word = z.string().trim().min(1);
/**
 * A keyword that counts in the middle of a conversation must be unambiguous: a reporter answering
 * "3" to "how many people are with you?" is not choosing a language.
 */
const unambiguousWord = word.refine((w) => !/^\p{N}+$/u.test(w), 'a bare number is an answer, not a command: list it under keywordsBeforeReport');
const words = z.array(unambiguousWord).min(1);
const reply = z.string().trim().min(10);

/**
 * What the SMS line says and understands in one language: content/tipline/<locale>.json.
 * Keywords count only when they are the whole message (after trimming case and punctuation), so a
 * story that merely contains "stop" never opts a reporter out.
 */
export const tiplineTextSchema = z.object({
  /**
   * Commands at any time, also in the middle of a conversation. Only words nobody would send as an
   * answer: no numbers, no names, no common words (those go under keywordsBeforeReport). Keep the
   * carriers' opt-out words (English: STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT).
   */
  keywords: z.object({
    /** Stop all messages from the line (carriers expect STOP to work). */
    stop: words,
    /** Receive messages again after a stop. */
    start: words,
    /** Ask what the line is and how to use it. */
    help: words,
    /** Erase the whole conversation (after the reporter confirms by sending it again). */
    delete: words,
    /** Words that choose this language for replies (its name). */
    language: words,
  }),
  /**
   * More words for the same commands that count only before a reporter's first report, when a
   * one-word message is not yet an answer to a responder: menu numbers, common words.
   */
  keywordsBeforeReport: z
    .object({
      stop: z.array(word),
      start: z.array(word),
      help: z.array(word),
      delete: z.array(word),
      language: z.array(word),
    })
    .partial()
    .default({}),
  replies: z.object({
    /** The first answer to a report: neutral words first, then {hotline} and {emergency}, then how to delete. */
    received: reply.refine((r) => r.includes('{emergency}') && r.includes('{hotline}'), 'must contain {emergency} and {hotline}'),
    /** How {hotline} reads when the country has a verified hotline ({number} is its number). */
    hotline: z.string().refine((r) => r.includes('{number}'), 'must contain {number}'),
    /** An answer to a later message in the same conversation. */
    followUp: reply,
    help: reply.refine((r) => r.includes('{emergency}'), 'must contain {emergency}'),
    stopped: reply,
    started: reply,
    /** The answer to a first DELETE: send it again within 10 minutes to erase everything. */
    deleteConfirm: reply.refine((r) => /10|១០/.test(r), 'must say the 10 minutes the reporter has to confirm'),
    /** The answer to a confirmed DELETE; it reminds the reporter to delete the texts from their phone too. */
    deleted: reply,
    languageChanged: reply,
    /** The answer to a picture or file (MMS), which the line does not take in: describe it in words. */
    mediaNotice: reply.refine((r) => r.includes('{emergency}'), 'must contain {emergency}'),
  }),
  /**
   * Words that make a tip urgent or hint at its kind, for routing. Matched as whole words (inside
   * the text for Thai and Khmer), in every language's list, whatever the message's language.
   */
  triage: z
    .object({
      urgent: z.array(z.string().trim().min(2)).default([]),
      labour: z.array(z.string().trim().min(2)).default([]),
      sexual: z.array(z.string().trim().min(2)).default([]),
      child: z.array(z.string().trim().min(2)).default([]),
    })
    .prefault({}),
});

export type TiplineText = z.output<typeof tiplineTextSchema>;
