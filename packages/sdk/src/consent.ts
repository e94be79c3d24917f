// What happens to an event under the visitor's consent. Granted: sent with the visitor's ids,
// which are stored. Otherwise nothing is stored in the browser, and the event is either sent
// without any identifier (cookieless mode: the server counts it with a daily-rotating hash),
// held in memory until the banner decides (pending), or dropped (denied).
import type { ConsentState } from './types';

export type Delivery = 'full' | 'cookieless' | 'hold' | 'drop';

export function deliveryOf(consent: ConsentState, cookieless: boolean): Delivery {
  if (consent === 'granted') return 'full';
  if (cookieless) return 'cookieless';
  return consent === 'pending' ? 'hold' : 'drop';
}

/** Events held while consent is pending; beyond this the oldest go (a page left open all day). */
export const MAX_HELD = 100;
