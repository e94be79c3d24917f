// Groups a customer's timeline (newest first) for display: consecutive events of one session form a
// group, events without a session are grouped by UTC day. Pure, so it is unit-tested.
import type { TimelineEvent } from '../../api/customers';

export interface TimelineGroup {
  /** Unique within the timeline. */
  key: string;
  kind: 'session' | 'day';
  /** Session id, or the UTC day (YYYY-MM-DD). */
  id: string;
  /** Newest and oldest event time of the group (ISO). */
  newest: string;
  oldest: string;
  channels: string[];
  events: TimelineEvent[];
}

function groupId(event: TimelineEvent): { kind: TimelineGroup['kind']; id: string } {
  return event.sessionId !== null
    ? { kind: 'session', id: event.sessionId }
    : { kind: 'day', id: event.at.slice(0, 10) };
}

export function groupTimeline(timeline: readonly TimelineEvent[]): TimelineGroup[] {
  const groups: TimelineGroup[] = [];
  for (const event of timeline) {
    const { kind, id } = groupId(event);
    const last = groups[groups.length - 1];
    if (last !== undefined && last.kind === kind && last.id === id) {
      last.events.push(event);
      last.oldest = event.at;
      if (!last.channels.includes(event.channel)) last.channels.push(event.channel);
      continue;
    }
    groups.push({
      key: `${groups.length}:${kind}:${id}`,
      kind,
      id,
      newest: event.at,
      oldest: event.at,
      channels: [event.channel],
      events: [event],
    });
  }
  return groups;
}

/** One line saying what happened, e.g. `Page view · /shoes`, `Order Completed · T-1`, `Products Searched · “rain”`. */
export function describeEvent(event: TimelineEvent): string {
  if (event.type === 'page' || event.type === 'screen') {
    const name = event.type === 'page' ? 'Page view' : 'Screen view';
    const what = [event.event, event.pagePath].filter((part) => part !== null && part !== '');
    return what.length === 0 ? name : `${name} · ${what.join(' · ')}`;
  }
  if (event.type === 'identify') return 'Identified';
  if (event.type === 'alias') return 'Alias';
  if (event.type === 'group') return 'Joined group';
  const name = event.event ?? event.type;
  const details: string[] = [];
  if (event.orderId !== null) details.push(event.orderId);
  if (event.productId !== null) details.push(event.productId);
  if (event.query !== null) details.push(`“${event.query}”`);
  return details.length === 0 ? name : `${name} · ${details.join(' · ')}`;
}
