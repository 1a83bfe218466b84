import { z } from 'zod';
import type { InboundMessage } from '../../intake/message.ts';

const phone = z.string().regex(/^\+?[0-9]{3,15}$/, 'a phone number in E.164 form, e.g. +85512345678');

/**
 * The fields of Twilio's incoming-message webhook that the line uses, as the intake's channel-agnostic
 * message. Everything else Twilio sends (FromCity, FromState, FromZip and other carrier location
 * fields) is dropped here and never stored.
 */
export const inboundSmsSchema = z
  .object({
    MessageSid: z.string().regex(/^(SM|MM)[0-9a-f]{32}$/, 'a Twilio MessageSid (SM followed by 32 hex digits)'),
    AccountSid: z.string().regex(/^AC[0-9a-f]{32}$/, 'a Twilio AccountSid'),
    From: phone,
    To: phone,
    Body: z.string().max(1600, 'at most 1600 characters (10 SMS segments)'),
    FromCountry: z.string().regex(/^[A-Z]{2}$/).optional().catch(undefined),
    /** Pictures or files sent with the text (MMS): never fetched, erased at Twilio with the message. */
    NumMedia: z.coerce.number().int().min(0).max(10).default(0),
  })
  .transform((p): { accountSid: string; message: InboundMessage } => ({
    accountSid: p.AccountSid,
    message: { channel: 'sms', id: p.MessageSid, from: p.From, body: p.Body, country: p.FromCountry, media: p.NumMedia },
  }));
