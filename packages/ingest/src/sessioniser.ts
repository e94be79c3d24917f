// Keeps each visitor's current session in memory and assigns every incoming event to a
// session with the rule of @centric/core. Idle visitors are swept out; on start the state is
// seeded from the store so a restart does not cut live visits in two.
import { assignSession, DEFAULT_SESSION_TIMEOUT_MS, type SessionState } from '@centric/core';
import type { VisitorSession } from '@centric/storage';

export class Sessioniser {
  private readonly visitors = new Map<string, SessionState>();

  constructor(private readonly timeoutMs = DEFAULT_SESSION_TIMEOUT_MS) {}

  get activeVisitors(): number {
    return this.visitors.size;
  }

  seed(sessions: readonly VisitorSession[]): void {
    for (const s of sessions) {
      this.visitors.set(key(s.projectId, s.visitorKey), {
        sessionId: s.sessionId,
        startedAt: s.startedAt,
        lastEventAt: s.lastEventAt,
        campaign: s.campaign,
      });
    }
  }

  /** The session id for an event of a visitor at a time, coming with a campaign key ('' for none). */
  assign({
    projectId,
    visitorKey,
    at,
    campaign,
  }: {
    projectId: string;
    visitorKey: string;
    at: number;
    campaign: string;
  }): string {
    const k = key(projectId, visitorKey);
    const decision = assignSession(
      this.visitors.get(k),
      { at, campaign },
      { visitorKey, timeoutMs: this.timeoutMs },
    );
    this.visitors.set(k, decision.state);
    return decision.sessionId;
  }

  /** Drops visitors idle for longer than the timeout (their next event opens a session anyway). */
  sweep(nowMs: number): number {
    let removed = 0;
    for (const [k, state] of this.visitors) {
      if (nowMs - state.lastEventAt > this.timeoutMs * 2) {
        this.visitors.delete(k);
        removed += 1;
      }
    }
    return removed;
  }
}

const key = (projectId: string, visitorKey: string) => `${projectId}\u0000${visitorKey}`;
