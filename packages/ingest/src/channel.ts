// The channel of an event: ours (web, app, store, service, email) or Segment's words for them.
import type { Channel } from '@centric/contracts';

/** Segment's channel words and ours, onto ours; server-side events count as web by default. */
const CHANNEL_ALIASES: Readonly<Record<string, Channel>> = {
  web: 'web',
  browser: 'web',
  server: 'web',
  app: 'app',
  mobile: 'app',
  store: 'store',
  pos: 'store',
  service: 'service',
  email: 'email',
};

export function channelOf(message: Record<string, unknown>): Channel | null {
  const context = message.context as Record<string, unknown> | undefined;
  const raw = (typeof context?.channel === 'string' ? context.channel : undefined) ?? message.channel;
  if (raw === undefined) return 'web';
  return CHANNEL_ALIASES[String(raw).toLowerCase()] ?? null;
}
