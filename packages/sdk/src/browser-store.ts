// Everything the SDK keeps in the browser, written only after consent is granted: the
// anonymous id (localStorage, mirrored in a first-party cookie so it survives a cleared
// storage), the user id, the grant itself and the retry queue. wipe() removes all of it.
import type { QueueStore } from './event-queue';
import type { OutgoingMessage } from './message';

export type StoredKey = 'aid' | 'uid' | 'consent';

export interface BrowserStore extends QueueStore {
  get(key: StoredKey): string | null;
  set(key: StoredKey, value: string | null): void;
  wipe(): void;
}

export const STORAGE_PREFIX = 'centric.';
export const ID_COOKIE = 'centric_aid';
const QUEUE = 'queue';
const MAX_STORED = 500;
/** Older events are not resent: the server's duplicate check looks back 7 days. */
const MAX_AGE_MS = 6 * 86_400_000;

function read(key: string): string | null {
  try {
    return localStorage.getItem(STORAGE_PREFIX + key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(STORAGE_PREFIX + key);
    else localStorage.setItem(STORAGE_PREFIX + key, value);
  } catch {
    // Storage full or disabled (private mode): the SDK keeps working from memory.
  }
}

function writeCookie(value: string | null): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is async and missing in Firefox
  document.cookie = `${ID_COOKIE}=${value ?? ''};path=/;max-age=${value ? 31_536_000 : 0};samesite=lax${
    location.protocol === 'https:' ? ';secure' : ''
  }`;
}

function queue(): OutgoingMessage[] {
  try {
    const stored: unknown = JSON.parse(read(QUEUE) ?? '[]');
    const since = Date.now() - MAX_AGE_MS;
    return Array.isArray(stored)
      ? stored.filter((m: OutgoingMessage) => m?.messageId && Date.parse(m.timestamp) > since)
      : [];
  } catch {
    return [];
  }
}

function saveQueue(messages: OutgoingMessage[]): void {
  write(QUEUE, messages.length > 0 ? JSON.stringify(messages.slice(-MAX_STORED)) : null);
}

// Each change re-reads the stored queue, so several tabs of the shop add to one queue instead
// of overwriting each other's events.
export function createBrowserStore(): BrowserStore {
  return {
    get(key) {
      return (
        read(key) ??
        (key === 'aid' ? (document.cookie.match(/(?:^|; )centric_aid=([^;]+)/)?.[1] ?? null) : null)
      );
    },
    set(key, value) {
      write(key, value);
      if (key === 'aid') writeCookie(value);
    },
    load: queue,
    add(messages) {
      const stored = queue();
      const have = new Set(stored.map((m) => m.messageId));
      saveQueue([...stored, ...messages.filter((m) => !have.has(m.messageId))]);
    },
    remove(ids) {
      if (ids.length > 0) saveQueue(queue().filter((m) => !ids.includes(m.messageId)));
    },
    wipe() {
      for (const key of ['aid', 'uid', 'consent', QUEUE]) write(key, null);
      writeCookie(null);
    },
  };
}
