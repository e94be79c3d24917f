// The timeline of the 360 view: every event across channels, newest first, grouped by session (or by
// day for events outside a session), each with its channel's tag and a one-line description.
import { useMemo } from 'react';
import type { TimelineEvent } from '../../api/customers';
import { formatDate, formatDateTime, formatTime } from '../../format/date';
import { formatMoney } from '../../format/number';
import { ChannelTag } from './channel-tag';
import { channelLook } from './channels';
import { describeEvent, groupTimeline, type TimelineGroup } from './timeline-groups';

function GroupHeading({ group }: { group: TimelineGroup }) {
  const channels = group.channels.map((c) => channelLook(c).label).join(', ');
  return (
    <h3 className="timeline-group-heading">
      {group.kind === 'session' ? (
        <span title={`Session ${group.id}`}>Session · {formatDateTime(group.oldest)}</span>
      ) : (
        <>{formatDate(group.newest)} · outside a session</>
      )}{' '}
      <span className="muted">
        · {group.events.length} event{group.events.length === 1 ? '' : 's'} · {channels}
      </span>
    </h3>
  );
}

function EventRow({ event }: { event: TimelineEvent }) {
  return (
    <li
      className="timeline-event"
      data-testid="timeline-event"
      data-type={event.type}
      data-event={event.event ?? ''}
      data-channel={event.channel}
    >
      <time dateTime={event.at} className="muted">
        {formatTime(event.at)}
      </time>
      <ChannelTag channel={event.channel} />
      <span className="timeline-text">{describeEvent(event)}</span>
      {event.revenue !== null && <span className="timeline-revenue">{formatMoney(event.revenue, null)}</span>}
    </li>
  );
}

export function CustomerTimeline({ timeline }: { timeline: readonly TimelineEvent[] }) {
  const groups = useMemo(() => groupTimeline(timeline), [timeline]);
  if (timeline.length === 0) return <p className="muted">No events.</p>;
  return (
    <div className="timeline" data-testid="customer-timeline" data-events={timeline.length}>
      {groups.map((group) => (
        <section key={group.key} className="timeline-group" data-kind={group.kind}>
          <GroupHeading group={group} />
          <ol>
            {group.events.map((event, i) => (
              // Events carry no id; their place in the (immutable) list is stable.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <EventRow key={`${event.at}-${i}`} event={event} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
