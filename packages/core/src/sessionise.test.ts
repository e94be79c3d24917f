import { describe, expect, it } from 'vitest';
import { assignSession, fnv1a64, type SessionState } from './sessionise';

const MIN = 60_000;
const visitorKey = 'anon-1';

function run(events: { at: number; campaign?: string }[]): string[] {
  let state: SessionState | undefined;
  return events.map((e) => {
    const decision = assignSession(state, { at: e.at, campaign: e.campaign ?? '' }, { visitorKey });
    state = decision.state;
    return decision.sessionId;
  });
}

describe('assignSession', () => {
  it('keeps events within 30 minutes of inactivity in one session', () => {
    const ids = run([{ at: 0 }, { at: 10 * MIN }, { at: 39 * MIN }, { at: 69 * MIN }]);
    expect(new Set(ids).size).toBe(1);
  });

  it('starts a new session after more than 30 minutes of inactivity', () => {
    const ids = run([{ at: 0 }, { at: 30 * MIN }, { at: 60 * MIN + 1 }]);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[1]);
  });

  it('starts a new session when a new campaign arrives, but not for the same campaign', () => {
    const ids = run([
      { at: 0 },
      { at: MIN, campaign: 'google|cpc|spring' },
      { at: 2 * MIN, campaign: 'google|cpc|spring' },
      { at: 3 * MIN },
    ]);
    expect(ids[1]).not.toBe(ids[0]);
    expect(ids[2]).toBe(ids[1]);
    expect(ids[3]).toBe(ids[1]);
  });

  it('puts a late event into the live session and a very old one into its own', () => {
    const ids = run([
      { at: 100 * MIN },
      { at: 110 * MIN },
      { at: 95 * MIN },
      { at: 10 * MIN },
      { at: 111 * MIN },
    ]);
    expect(ids[2]).toBe(ids[0]);
    expect(ids[3]).not.toBe(ids[0]);
    expect(ids[4]).toBe(ids[0]);
  });

  it('derives the same session id for the same visitor and start', () => {
    expect(run([{ at: 5 }])).toEqual(run([{ at: 5 }]));
    expect(fnv1a64('a')).not.toBe(fnv1a64('b'));
    expect(fnv1a64('')).toBe('cbf29ce484222325');
  });
});
