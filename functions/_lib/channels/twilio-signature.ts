import twilio from 'twilio';
import type { FormParams } from './request.ts';

/**
 * Twilio signs every webhook (SMS and voice alike) with the account's auth token over the exact
 * public URL it called (scheme, host, path and query) and the form fields. Behind a proxy or on a
 * local port the Host header is not that URL, so it is rebuilt from the configured public base URL.
 */
export function signedUrl(request: Request, publicBaseUrl: string): string {
  const { pathname, search } = new URL(request.url);
  return `${publicBaseUrl}${pathname}${search}`;
}

export function isSignedByTwilio(request: Request, params: FormParams, authToken: string, publicBaseUrl: string): boolean {
  const signature = request.headers.get('x-twilio-signature');
  if (!signature) return false;
  return twilio.validateRequest(authToken, signature, signedUrl(request, publicBaseUrl), params);
}

/** Signs a request as Twilio would: for local mode's simulator and for tests. */
export function twilioSignature(authToken: string, url: string, params: FormParams): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}
