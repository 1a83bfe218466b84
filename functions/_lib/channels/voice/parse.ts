import { z } from 'zod';

/**
 * The fields of Twilio's voice webhooks that the line uses. Every step of a call is a webhook of
 * its own, signed like an SMS's; each step's schema asks for what that step needs. The caller's
 * location fields (FromCity, FromZip, …) and the recording's URL are dropped here and never stored
 * or logged.
 */
const callSid = z.string().regex(/^CA[0-9a-f]{32}$/, 'a Twilio CallSid (CA followed by 32 hex digits)');

const call = z.object({
  CallSid: callSid,
  AccountSid: z.string().regex(/^AC[0-9a-f]{32}$/, 'a Twilio AccountSid'),
  /** The caller's number; "anonymous" or another non-number when they withheld it. */
  From: z.string().max(64).default(''),
  FromCountry: z.string().regex(/^[A-Z]{2}$/).optional().catch(undefined),
  /** The key pressed, when the step asked for one; anything but one digit counts as none. */
  Digits: z.string().regex(/^[0-9*#]$/).optional().catch(undefined),
});

/** A call reaching the line, and the caller's answers to its menus. */
export const callSchema = call;

/** A responder's phone, called by the line: Twilio names the caller's call as its parent. */
export const responderLegSchema = call.extend({ ParentCallSid: callSid });

/** The end of the attempt to reach responders. */
export const dialedSchema = call.extend({
  DialCallStatus: z.enum(['completed', 'answered', 'busy', 'no-answer', 'failed', 'canceled']).catch('failed'),
});

/** A voice message recorded: Twilio keeps the recording; the line keeps its id, sealed. */
export const recordedSchema = call.extend({
  RecordingSid: z.string().regex(/^RE[0-9a-f]{32}$/, 'a Twilio RecordingSid').optional().catch(undefined),
  RecordingDuration: z.coerce.number().int().min(0).catch(0),
});

export type Call = z.output<typeof callSchema>;
