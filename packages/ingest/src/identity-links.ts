// Which identities an event says belong together (pure). A visitor's anonymous id and user id
// on one event (identify, or any event sent after login) are one customer; alias names an old
// id of the user; and the configured matching rules link a user to the keyed hash of the
// e-mail in its traits and to external ids (store card, CRM id) in named traits.
import type { StoredEvent } from '@centric/storage';

export interface IdentityLink {
  identities: string[];
  reason: string;
}

export interface LinkRules {
  /** Hashes an e-mail address with the project's key; null disables the e-mail rule. */
  hashEmail: ((email: string) => string) | null;
  /** Traits whose values are external ids, e.g. ['store_card', 'crm_id']. */
  externalIdTraits: readonly string[];
}

export const DEFAULT_EXTERNAL_ID_TRAITS = ['store_card', 'crm_id', 'customer_number'];

/**
 * @example identityLinksOf(identifyEvent, { hashEmail: null, externalIdTraits: [] })
 * // [{ identities: ['a:anon-1', 'u:42'], reason: 'identify' }]
 */
export function identityLinksOf(event: StoredEvent, rules: LinkRules): IdentityLink[] {
  const links: IdentityLink[] = [];
  const user = event.userId === null ? null : `u:${event.userId}`;
  if (user && event.anonymousId !== null) {
    links.push({
      identities: [`a:${event.anonymousId}`, user],
      reason: event.type === 'identify' ? 'identify' : 'login',
    });
  }
  if (event.type === 'alias' && user && event.previousId !== null) {
    links.push({ identities: [`a:${event.previousId}`, user], reason: 'alias' });
  }
  if (user && event.traits) {
    let traits: Record<string, unknown> = {};
    try {
      traits = JSON.parse(event.traits) as Record<string, unknown>;
    } catch {
      return links;
    }
    const email = traits.email;
    if (rules.hashEmail && typeof email === 'string' && email.includes('@')) {
      links.push({ identities: [user, `u:email:${rules.hashEmail(email)}`], reason: 'rule:email' });
    }
    for (const name of rules.externalIdTraits) {
      const value = traits[name];
      if ((typeof value === 'string' && value !== '') || typeof value === 'number') {
        links.push({ identities: [user, `u:ext:${name}:${value}`], reason: `rule:${name}` });
      }
    }
  }
  return links;
}
