import { z } from 'astro/zod';

const words = z.array(z.string().trim().min(1)).min(1);
const reply = z.string().trim().min(10);

/**
 * What the SMS line says and understands in one language: content/tipline/<locale>.json.
 * Keywords count only when they are the whole message (after trimming case and punctuation), so a
 * story that merely contains "stop" never opts a reporter out.
 */
export const tiplineTextSchema = z.object({
  keywords: z.object({
    /** Stop all messages from the line (carriers expect STOP to work). */
    stop: words,
    /** Receive messages again after a stop. */
    start: words,
    /** Ask what the line is and how to use it. */
    help: words,
    /** Erase the whole conversation now. */
    delete: words,
    /** Words that choose this language for replies (its name, a number from the language menu). */
    language: words,
  }),
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
    deleted: reply,
    languageChanged: reply,
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
