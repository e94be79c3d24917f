// Visitor ids for cookieless events (sent by the browser SDK without consent to store an id,
// marked `context.cookieless: true`, with no anonymousId): a keyed hash of project, IP address
// and user agent under a salt that is drawn at random each UTC day and kept only in memory.
// Within a day one browser counts as one visitor; across days (or a restart) the ids cannot be
// linked, and neither the salt nor the raw IP is ever stored. Several servers behind a load
// balancer each draw their own salt, so a visitor they share counts once per server.
import { createHmac, randomBytes } from 'node:crypto';
import type { StoredEvent } from '@centric/storage';

/** Derived ids start with this, so that profile code can leave such visitors out. */
export const COOKIELESS_ID_PREFIX = 'cl_';

const DAY_MS = 86_400_000;

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

export class CookielessVisitors {
  private day = Number.NaN;
  private salt: Buffer = Buffer.alloc(0);

  constructor(private readonly now: () => number = Date.now) {}

  /** @example visitors.visitorId('prj_1', { ip: '203.0.113.9', userAgent: 'Mozilla/5.0 ...' }) // 'cl_…' */
  visitorId(projectId: string, { ip, userAgent }: ClientInfo): string {
    const day = Math.floor(this.now() / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.salt = randomBytes(32);
    }
    const hash = createHmac('sha256', this.salt)
      .update(`${projectId}\n${ip}\n${userAgent}`)
      .digest('base64url');
    return COOKIELESS_ID_PREFIX + hash.slice(0, 24);
  }
}

/** A wire message the SDK sent cookieless: `context.cookieless === true`. */
export function isCookielessMessage(message: unknown): boolean {
  const context = (message as { context?: { cookieless?: unknown } } | null)?.context;
  return context !== null && typeof context === 'object' && context.cookieless === true;
}

/** A stored event that came in cookieless: it founds no profile and links no identities. */
export function isCookielessEvent(event: Pick<StoredEvent, 'context'>): boolean {
  if (event.context === null || !event.context.includes('"cookieless"')) return false;
  try {
    return (JSON.parse(event.context) as { cookieless?: unknown }).cookieless === true;
  } catch {
    return false;
  }
}
