// Script-tag entry (dist/centric.js): the global `centric`, set up from the tag's data-*
// attributes (data-write-key, data-host, data-consent, data-cookieless, data-auto-pageviews,
// data-data-layer). Calls pushed onto a `window.centric` array before the script ran — e.g.
// `(window.centric = window.centric || []).push(['track', 'Signed Up'])` — are replayed. A
// second copy of the tag on the same page leaves the first tracker alone.
import { createCentric } from './tracker';
import type { ConsentState } from './types';

const scope = window as unknown as { centric?: unknown };
const queued = scope.centric;

if (queued === undefined || Array.isArray(queued)) {
  const centric = createCentric();
  scope.centric = centric;
  const tag = document.currentScript as HTMLScriptElement | null;
  const data = tag?.dataset;
  if (tag && data?.writeKey) {
    const consent = data.consent as ConsentState | undefined;
    centric.init({
      writeKey: data.writeKey,
      host: data.host || new URL(tag.src, location.href).origin,
      ...(consent === 'pending' || consent === 'granted' || consent === 'denied' ? { consent } : {}),
      cookieless: data.cookieless === 'true',
      autoPageviews: data.autoPageviews !== 'false',
      dataLayer: data.dataLayer === 'false' ? false : data.dataLayer || true,
    });
  }
  for (const [method, ...args] of (queued ?? []) as [string, ...unknown[]][])
    (centric as unknown as Record<string, (...a: unknown[]) => void>)[method]?.(...args);
}
