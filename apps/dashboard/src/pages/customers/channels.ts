// How each channel is shown in timelines and order tables: a short tag with its own colour and a
// label. Text rather than emoji, so it renders the same without an emoji font. The channels are the
// ingest's (web, app, store, service, email); anything else is shown as written.

export interface ChannelLook {
  /** Two or three letters for the tag. */
  tag: string;
  label: string;
  /** CSS class suffix: `channel-<tone>`. */
  tone: string;
}

const LOOKS: Readonly<Record<string, ChannelLook>> = {
  web: { tag: 'WEB', label: 'Web', tone: 'web' },
  app: { tag: 'APP', label: 'App', tone: 'app' },
  store: { tag: 'STO', label: 'Store', tone: 'store' },
  service: { tag: 'SVC', label: 'Service', tone: 'service' },
  email: { tag: 'EML', label: 'E-mail', tone: 'email' },
};

export function channelLook(channel: string): ChannelLook {
  return LOOKS[channel] ?? { tag: channel.slice(0, 3).toUpperCase(), label: channel, tone: 'other' };
}
