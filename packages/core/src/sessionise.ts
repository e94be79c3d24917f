// The session rule of DESIGN.md: a visit ends after 30 minutes of inactivity, and a new
// campaign starts a new visit (as Google Analytics does), so that campaign attribution per
// session stays clean. Pure: the caller keeps the state per visitor.

export const DEFAULT_SESSION_TIMEOUT_MS = 30 * 60 * 1000;

/** What is remembered about a visitor's current session. */
export interface SessionState {
  sessionId: string;
  /** Time of the first event of the session (ms). */
  startedAt: number;
  /** Time of the latest event seen in the session (ms). */
  lastEventAt: number;
  /** Campaign key of the session ('' when it came without one). */
  campaign: string;
}

export interface SessionEvent {
  /** Event time (ms). */
  at: number;
  /** Campaign key of the event ('' when it carries none): e.g. utm source|medium|campaign. */
  campaign: string;
}

export interface SessionDecision {
  /** The session this event belongs to. */
  sessionId: string;
  /** The state to keep for the visitor (unchanged by an old straggler). */
  state: SessionState;
  /** True when this event opened a new session. */
  isNew: boolean;
}

/**
 * Decides which session an event belongs to and returns the visitor's new state.
 *
 * Late events (older than the current session's last event) join the current session while
 * they fall inside it or within the timeout before it; a much older event opens a session of
 * its own keyed by its time, so a delayed batch never splits the live session.
 *
 * @example
 * const s = assignSession(undefined, { at: 0, campaign: '' }, { visitorKey: 'a1' }).state;
 * assignSession(s, { at: 31 * 60_000, campaign: '' }, { visitorKey: 'a1' }).isNew // true
 */
export function assignSession(
  previous: SessionState | undefined,
  event: SessionEvent,
  { visitorKey, timeoutMs = DEFAULT_SESSION_TIMEOUT_MS }: { visitorKey: string; timeoutMs?: number },
): SessionDecision {
  if (previous) {
    const newCampaign = event.campaign !== '' && event.campaign !== previous.campaign;
    if (event.at >= previous.lastEventAt) {
      if (event.at - previous.lastEventAt <= timeoutMs && !newCampaign) {
        return { sessionId: previous.sessionId, state: { ...previous, lastEventAt: event.at }, isNew: false };
      }
    } else if (event.at >= previous.startedAt - timeoutMs && !newCampaign) {
      return { sessionId: previous.sessionId, state: previous, isNew: false };
    } else {
      // An old straggler: give it its own session but keep following the live one.
      return { sessionId: sessionIdFor(visitorKey, event.at), state: previous, isNew: true };
    }
  }
  const state: SessionState = {
    sessionId: sessionIdFor(visitorKey, event.at),
    startedAt: event.at,
    lastEventAt: event.at,
    campaign: event.campaign,
  };
  return { sessionId: state.sessionId, state, isNew: true };
}

/**
 * Session ids are derived from the visitor and the start time so that re-deriving sessions
 * (after a restart, or in a batch import) gives the same ids.
 */
export function sessionIdFor(visitorKey: string, startedAt: number): string {
  return `${fnv1a64(visitorKey)}-${startedAt.toString(36)}`;
}

/** FNV-1a, 64 bit, as hex: a fast stable hash for ids (not for security). */
export function fnv1a64(text: string): string {
  let h1 = 0x84222325;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 ^= c & 0xff;
    h2 ^= c >>> 8;
    // Multiply the 64-bit value (h2:h1) by the FNV prime 0x100000001b3 in 32-bit halves.
    const lo = h1 * 0x1b3;
    const hi = h2 * 0x1b3 + h1 * 0x100 + Math.floor(lo / 0x100000000);
    h1 = lo >>> 0;
    h2 = hi >>> 0;
  }
  return h2.toString(16).padStart(8, '0') + h1.toString(16).padStart(8, '0');
}
