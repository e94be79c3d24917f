// Hash-based routing (`#/overview`): the server only needs one SPA fallback, and a reload stays on the page.
import { useCallback, useEffect, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentRoute(): string {
  return window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
}

export function hrefFor(pageId: string): string {
  return `#/${pageId}`;
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

export function useNavigate(): (pageId: string) => void {
  return useCallback((pageId: string) => {
    window.location.hash = hrefFor(pageId);
  }, []);
}
