// A small shop history with hand-checked cohort and KPI answers (see duckdb-analytics-store.test.ts):
// six buyers A..F and two browsers X, Y between December 2025 and March 2026. D shops once
// anonymously and once signed in (two identities linked into one profile p_d); E's only order is
// cancelled; F's order is sent twice and partly refunded.
import type { StoredEvent } from '../store';
import { storedEvent } from './event-factory';

export interface CustomerFixture {
  events: StoredEvent[];
  /** identity_links rows. */
  links: { identity: string; profileId: string }[];
  /** segment_memberships rows of segment 'vip'. */
  memberships: { profileId: string; enteredAt: string; leftAt: string | null }[];
  /** profile_traits lifecycle stages. */
  stages: { profileId: string; stage: string }[];
}

const at = (day: string, hour = 10) => Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

export function customerFixture(projectId: string): CustomerFixture {
  const events: StoredEvent[] = [];
  const who = (id: string) =>
    id.startsWith('anon') ? { anonymousId: id, userId: null } : { anonymousId: `a-${id}`, userId: id };
  const visit = (id: string, day: string, session: string, names: string[]) => {
    names.forEach((event, i) => {
      events.push(
        storedEvent({ projectId, ...who(id), sessionId: session, event, timestamp: at(day) + i * 60_000 }),
      );
    });
  };
  const order = (
    id: string,
    day: string,
    session: string | null,
    o: { orderId: string; revenue: number },
  ) => {
    events.push(
      storedEvent({
        projectId,
        ...who(id),
        sessionId: session,
        event: 'Order Completed',
        orderId: o.orderId,
        revenue: o.revenue,
        currency: 'EUR',
        timestamp: at(day) + 10 * 60_000,
      }),
    );
  };
  // December history: A and B are customers before January.
  visit('user-a', '2025-12-10', 's-a0', ['Product Viewed']);
  order('user-a', '2025-12-10', 's-a0', { orderId: 'o-a0', revenue: 100 });
  order('user-b', '2025-12-20', 's-b0', { orderId: 'o-b0', revenue: 80 });
  // January.
  visit('user-a', '2026-01-15', 's-a1', ['Product Viewed', 'Product Added']);
  order('user-a', '2026-01-15', 's-a1', { orderId: 'o-a1', revenue: 50 });
  visit('user-c', '2026-01-05', 's-c1', ['Product Added']);
  order('user-c', '2026-01-05', 's-c1', { orderId: 'o-c1', revenue: 40 });
  order('user-c', '2026-01-20', 's-c2', { orderId: 'o-c2', revenue: 60 });
  visit('anon-x', '2026-01-08', 's-x1', ['Product Viewed', 'Product Added']);
  visit('anon-x', '2026-01-09', 's-x2', ['Product Viewed']);
  // February.
  order('user-c', '2026-02-10', 's-c3', { orderId: 'o-c3', revenue: 20 });
  visit('anon-d', '2026-02-14', 's-d1', ['Product Added']);
  order('anon-d', '2026-02-14', 's-d1', { orderId: 'o-d1', revenue: 70 });
  visit('user-e', '2026-02-20', 's-e1', ['Product Added']);
  order('user-e', '2026-02-20', 's-e1', { orderId: 'o-e1', revenue: 500 });
  events.push(
    storedEvent({
      projectId,
      ...who('user-e'),
      sessionId: null,
      event: 'Order Cancelled',
      orderId: 'o-e1',
      timestamp: at('2026-02-21'),
    }),
  );
  visit('anon-y', '2026-02-03', 's-y1', ['Product Added']);
  // March.
  order('user-a', '2026-03-05', 's-a2', { orderId: 'o-a2', revenue: 30 });
  order('user-d', '2026-03-10', 's-d2', { orderId: 'o-d2', revenue: 25 });
  order('user-f', '2026-03-15', 's-f1', { orderId: 'o-f1', revenue: 200 });
  // The shop re-sends F's order under a new message id: still one order.
  order('user-f', '2026-03-15', 's-f1', { orderId: 'o-f1', revenue: 200 });
  events.push(
    storedEvent({
      projectId,
      ...who('user-f'),
      sessionId: null,
      event: 'Order Refunded',
      orderId: 'o-f1',
      revenue: 50,
      timestamp: at('2026-03-18'),
    }),
  );
  return {
    events,
    links: [
      { identity: 'a:anon-d', profileId: 'p_d' },
      { identity: 'u:user-d', profileId: 'p_d' },
    ],
    memberships: [
      { profileId: 'u:user-a', enteredAt: '2025-12-01', leftAt: null },
      { profileId: 'u:user-c', enteredAt: '2026-02-05', leftAt: '2026-02-25' },
      { profileId: 'p_d', enteredAt: '2026-03-12', leftAt: null },
    ],
    stages: [
      { profileId: 'u:user-a', stage: 'loyal' },
      { profileId: 'u:user-b', stage: 'churned' },
      { profileId: 'u:user-c', stage: 'loyal' },
      { profileId: 'p_d', stage: 'new' },
      { profileId: 'u:user-f', stage: 'new' },
    ],
  };
}

/**
 * The rows of the fixture's state tables as SQL statements (identity links, the 'vip' segment's
 * memberships, lifecycle stages), for tests that write them straight into a store.
 */
export function customerFixtureStatements(
  projectId: string,
  fixture: CustomerFixture,
): { sql: string; params: Record<string, string | number | null> }[] {
  const statements: { sql: string; params: Record<string, string | number | null> }[] = [];
  for (const l of fixture.links)
    statements.push({
      sql: `INSERT INTO identity_links VALUES ($p, $identity, $profile, TIMESTAMP '2026-01-01', 'identify')`,
      params: { p: projectId, identity: l.identity, profile: l.profileId },
    });
  for (const m of fixture.memberships)
    statements.push({
      sql: `INSERT INTO segment_memberships VALUES ($p, 'vip', $profile, CAST($entered AS TIMESTAMP), CAST($left AS TIMESTAMP))`,
      params: { p: projectId, profile: m.profileId, entered: m.enteredAt, left: m.leftAt },
    });
  for (const s of fixture.stages)
    statements.push({
      sql: `INSERT INTO profile_traits (project_id, profile_id, events, sessions, orders, revenue, lifecycle_stage, refreshed_at)
            VALUES ($p, $profile, 0, 0, 0, 0, $stage, TIMESTAMP '2026-04-01')`,
      params: { p: projectId, profile: s.profileId, stage: s.stage },
    });
  return statements;
}
