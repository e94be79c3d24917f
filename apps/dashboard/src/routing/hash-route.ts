// Hash-based routing (`#/overview`, `#/customers/<id>`): the server only needs one SPA fallback, and a
// reload stays on the page. The first segment names the page; pages read the rest with useHashRest().
import { useCallback, useEffect, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function segments(): string[] {
  return (window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '').split('/');
}

function currentRoute(): string {
  return segments()[0] ?? '';
}

function currentRest(): string {
  return segments().slice(1).join('/');
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** `#/<pageId>`, or `#/<pageId>/<sub>/...` with every sub segment URL-encoded. */
export function hrefFor(pageId: string, ...rest: readonly string[]): string {
  return ['#', pageId, ...rest.map(encodeURIComponent)].join('/');
}

/**
 * The page id in the URL, falling back to `fallbackId` when the hash names no known page. The URL is
 * corrected with replaceState so the back button does not bounce through the unknown address.
 */
export function useHashRoute(knownIds: readonly string[], fallbackId: string): string {
  const route = useSyncExternalStore(subscribe, currentRoute);
  const known = knownIds.includes(route);

  useEffect(() => {
    if (!known) window.history.replaceState(null, '', hrefFor(fallbackId));
  }, [known, fallbackId]);

  return known ? route : fallbackId;
}

/** The decoded segments after the page id: `#/customers/u%3A1` gives `['u:1']`, `#/customers` gives `[]`. */
export function useHashRest(): string[] {
  // A string snapshot (stable between renders), split here.
  const rest = useSyncExternalStore(subscribe, currentRest);
  return rest === '' ? [] : rest.split('/').map(decode);
}

export function useNavigate(): (pageId: string, ...rest: string[]) => void {
  return useCallback((pageId: string, ...rest: string[]) => {
    window.location.hash = hrefFor(pageId, ...rest);
  }, []);
}
