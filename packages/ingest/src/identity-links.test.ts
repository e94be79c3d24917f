import { describe, expect, it } from 'vitest';

const storedEventFor = (
  o: Parameters<typeof storedEvent>[0] | Omit<Parameters<typeof storedEvent>[0], 'projectId'>,
) => storedEvent({ projectId: 'prj', event: null, ...o });

import { storedEvent } from '@centric/storage/test-support';
import { identityLinksOf } from './identity-links';

const rules = { hashEmail: (e: string) => `h(${e.toLowerCase()})`, externalIdTraits: ['store_card'] };

describe('identityLinksOf', () => {
  it('links anonymous and user id on identify and after login, and an alias’ previous id', () => {
    expect(
      identityLinksOf(storedEventFor({ type: 'identify', anonymousId: 'a1', userId: 'u1' }), rules),
    ).toEqual([{ identities: ['a:a1', 'u:u1'], reason: 'identify' }]);
    expect(
      identityLinksOf(storedEventFor({ type: 'track', anonymousId: 'a1', userId: 'u1' }), rules)[0]?.reason,
    ).toBe('login');
    expect(
      identityLinksOf(
        storedEventFor({ type: 'alias', anonymousId: null, userId: 'u1', previousId: 'old' }),
        rules,
      ),
    ).toEqual([{ identities: ['a:old', 'u:u1'], reason: 'alias' }]);
    expect(
      identityLinksOf(storedEventFor({ type: 'track', anonymousId: 'a1', userId: null }), rules),
    ).toEqual([]);
  });

  it('applies the e-mail and external-id matching rules to traits', () => {
    const e = storedEventFor({
      type: 'identify',
      anonymousId: null,
      userId: 'u1',
      traits: JSON.stringify({ email: 'Ada@Example.com', store_card: 'SC-9', plan: 'gold' }),
    });
    expect(identityLinksOf(e, rules)).toEqual([
      { identities: ['u:u1', 'u:email:h(ada@example.com)'], reason: 'rule:email' },
      { identities: ['u:u1', 'u:ext:store_card:SC-9'], reason: 'rule:store_card' },
    ]);
    expect(identityLinksOf(e, { hashEmail: null, externalIdTraits: [] })).toEqual([]);
  });
});
