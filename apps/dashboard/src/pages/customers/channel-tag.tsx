// A channel's tag (WEB, APP, STO …) with its label for screen readers and as a tooltip.
import { channelLook } from './channels';

export function ChannelTag({ channel, withLabel = false }: { channel: string; withLabel?: boolean }) {
  const look = channelLook(channel);
  return (
    <span className="channel-tag-wrap">
      <abbr className={`channel-tag channel-${look.tone}`} title={look.label}>
        {look.tag}
      </abbr>
      {withLabel && <span> {look.label}</span>}
    </span>
  );
}
