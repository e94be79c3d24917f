// Single-page-app navigation: history.pushState/replaceState, popstate and hashchange all end
// in one callback. History methods are wrapped on the instance because browsers other than
// Chromium have no navigation event for pushState; the tracker drops a callback whose page it
// has already counted (pageKey).

export function watchNavigation(onChange: () => void): void {
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = history[method];
    history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      onChange();
      return result;
    };
  }
  addEventListener('popstate', onChange);
  addEventListener('hashchange', onChange);
}

/**
 * What makes a new page: path and query, and the hash only for hash routers (`#/...`, `#!...`),
 * so jumping to an anchor on the same page is not a page view.
 *
 * @example pageKey(new URL('https://shop.test/p?id=1#reviews')) // '/p?id=1'
 */
export function pageKey({
  pathname,
  search,
  hash,
}: {
  pathname: string;
  search: string;
  hash: string;
}): string {
  return pathname + search + (/^#[!/]/.test(hash) ? hash : '');
}
