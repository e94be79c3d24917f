// Sends batches to POST /v1/batch. The body is JSON sent as text/plain with the write key in
// it: a CORS-safelisted request, so no preflight, and the same body works for sendBeacon,
// which can set no headers. keepalive lets a fetch outlive the page that started it.
import type { SendResult } from './event-queue';
import type { OutgoingMessage } from './message';

export interface Transport {
  send(batch: OutgoingMessage[]): Promise<SendResult>;
  beacon(batch: OutgoingMessage[]): boolean;
}

export function createTransport(host: string, writeKey: string): Transport {
  const url = `${host}/v1/batch`;
  const body = (batch: OutgoingMessage[]) =>
    JSON.stringify({ batch, sentAt: new Date().toISOString(), writeKey });
  return {
    async send(batch) {
      const text = body(batch);
      const res = await fetch(url, { method: 'POST', body: text, keepalive: text.length < 60_000 });
      if (res.ok) return { ok: true };
      const answer = (await res.json().catch(() => null)) as {
        error?: { message?: string; details?: { index?: number }[] };
      } | null;
      // Busy or failing servers get the batch again later; a refusal (bad key, bad event) is final.
      const retry = res.status === 429 || res.status >= 500;
      if (!retry) console.warn(`Centric: ${url} answered ${res.status}: ${answer?.error?.message ?? ''}`);
      const bad = (answer?.error?.details ?? []).map((d) => d.index ?? -1).filter((i) => i >= 0);
      return { ok: false, retry, bad };
    },
    beacon(batch) {
      return typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url, body(batch));
    },
  };
}
