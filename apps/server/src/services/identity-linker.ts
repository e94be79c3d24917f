// Keeps the identity graph current as events arrive: the links an event implies (identify,
// login, alias, the e-mail and external-id matching rules) are applied before the request is
// acknowledged. Links already made are remembered, so a logged-in visitor's page views do not
// touch the graph again.
import { createHmac } from 'node:crypto';
import {
  DEFAULT_EXTERNAL_ID_TRAITS,
  identityLinksOf,
  isCookielessEvent,
  type LinkRules,
} from '@centric/ingest';
import type { Store, StoredEvent } from '@centric/storage';

export class IdentityLinker {
  private readonly done = new Set<string>();
  private readonly rules = new Map<string, LinkRules>();

  constructor(
    private readonly store: Store,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  private async rulesFor(projectId: string): Promise<LinkRules> {
    let rules = this.rules.get(projectId);
    if (!rules) {
      const settings = await this.store.state.projectSettings(projectId);
      rules = {
        hashEmail: (email) =>
          createHmac('sha256', settings.emailHashKey).update(email.trim().toLowerCase()).digest('hex'),
        externalIdTraits: settings.externalIdTraits ?? DEFAULT_EXTERNAL_ID_TRAITS,
      };
      this.rules.set(projectId, rules);
    }
    return rules;
  }

  /** The ingest pipeline's afterStore hook. */
  readonly afterStore = async (projectId: string, events: readonly StoredEvent[]): Promise<void> => {
    // Cookieless events were sent without consent to identify the visitor: they link nothing.
    const candidates = events.filter(
      (e) =>
        e.userId !== null &&
        (e.anonymousId !== null || e.previousId !== null || e.traits !== null) &&
        !isCookielessEvent(e),
    );
    if (candidates.length === 0) return;
    const rules = await this.rulesFor(projectId);
    const pending = new Map<string, { identities: string[]; reason: string; at: number }>();
    for (const event of candidates) {
      for (const link of identityLinksOf(event, rules)) {
        const key = `${projectId}\u0000${link.identities.join('\u0000')}`;
        if (!this.done.has(key) && !pending.has(key)) pending.set(key, { ...link, at: event.timestamp });
      }
    }
    if (pending.size === 0) return;
    try {
      // One transaction for all of a request's links.
      await this.store.profiles.linkAll(projectId, [...pending.values()]);
      if (this.done.size + pending.size > 500_000) this.done.clear();
      for (const key of pending.keys()) this.done.add(key);
    } catch (error) {
      this.onError(error);
    }
  };

  /** Forget cached links and rules (after an unmerge, so the same link can be made again). */
  reset(): void {
    this.done.clear();
    this.rules.clear();
  }
}
