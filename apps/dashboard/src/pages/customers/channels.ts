// How each channel is shown in timelines and order tables: a short icon plus a label. The channels are
// the ingest's (web, app, store, service, email); anything else is shown as written.

export interface ChannelLook {
  icon: string;
  label: string;
}

const LOOKS: Readonly<Record<string, ChannelLook>> = {
  web: { icon: '🌐', label: 'Web' },
  app: { icon: '📱', label: 'App' },
  store: { icon: '🏬', label: 'Store' },
  service: { icon: '🎧', label: 'Service' },
  email: { icon: '✉️', label: 'E-mail' },
};

export function channelLook(channel: string): ChannelLook {
  return LOOKS[channel] ?? { icon: '•', label: channel };
}
