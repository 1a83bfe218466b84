import { SegmentedMessage } from 'sms-segments-calculator';
import type { CountryHotlines } from '../../../src/schemas/hotline.ts';
import type { TiplineText } from '../../../src/schemas/tipline.ts';
import { emergencyNumberOf, numberDisplay } from '../../../src/utils/hotlines.ts';

/**
 * Fills a reply with the numbers for the reporter's country. Only numbers the site may show
 * (numberDisplay) are ever sent: a wrong number can cost a life.
 */
export function fillReply(template: string, text: TiplineText, country: CountryHotlines | undefined): string {
  const emergency = emergencyNumberOf(country);
  const line = country?.hotlines.find((h) => numberDisplay(h).show && (h.phone ?? h.sms));
  const hotline = line ? text.replies.hotline.replace('{number}', (line.phone ?? line.sms)!) : '';
  return template.replace('{hotline}', hotline).replace('{emergency}', emergency);
}

/** How many SMS segments a text needs in the encoding it needs (GSM-7 or UCS-2). */
export function segmentsOf(text: string): number {
  return new SegmentedMessage(text).segmentsCount;
}
