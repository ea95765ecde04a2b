// Where tapping one of the ward's channels goes. The address is what the ward
// office typed at /admin/ward: a web address opens that page, a hotline
// number rings it (tel:), and anything else is shown as written, never
// turned into a link the office did not mean (no javascript:, no guessing).
import type { WardProfile } from '../../../shared/api.ts';

export type WardChannel = WardProfile['channels'][number];

const PHONE = /^\+?[\d\s().-]{3,20}$/;
const WEB = /^https?:\/\/[^\s]+$/i;
// "kienan.haiphong.gov.vn" or "zalo.me/123": a host name with a dot, typed without the scheme.
const BARE_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i;

/** The href for a channel, or null when its address is not something to open. */
export function channelHref(channel: WardChannel): string | null {
  const address = channel.url?.trim() ?? '';
  if (!address) return null;
  if (/^tel:/i.test(address)) return PHONE.test(address.slice(4)) ? `tel:${address.slice(4).replace(/[^\d+]/g, '')}` : null;
  if (PHONE.test(address) && (channel.kind === 'hotline' || !BARE_HOST.test(address))) return `tel:${address.replace(/[^\d+]/g, '')}`;
  if (WEB.test(address)) return address;
  if (BARE_HOST.test(address)) return `https://${address}`;
  return null;
}

/** True when the channel's link rings a phone rather than opening a page. */
export const isCall = (href: string) => href.startsWith('tel:');
