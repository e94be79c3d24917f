// The wire message the SDK builds (Segment's spec, as /v1/batch takes it) and the id it
// carries: the server skips a messageId it has stored before, which makes every resend safe.
import type { Properties } from './types';

export interface OutgoingMessage {
  type: 'track' | 'page' | 'identify' | 'alias';
  messageId: string;
  timestamp: string;
  event?: string;
  name?: string;
  properties?: Properties;
  traits?: Properties;
  anonymousId?: string;
  userId?: string;
  previousId?: string;
  context: Properties & { cookieless?: boolean };
}

/** A random (v4) UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 15) | 64;
  b[8] = (b[8]! & 63) | 128;
  let s = '';
  for (let i = 0; i < 16; i++)
    s += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + (b[i]! + 256).toString(16).slice(1);
  return s;
}
