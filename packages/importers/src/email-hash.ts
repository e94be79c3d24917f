// E-mail addresses are personal data: stored as an HMAC-SHA256 keyed per project (so the hash
// cannot be looked up in a rainbow table, and the same address matches across imports and
// events of one project) unless the project is configured to keep them.
import { createHmac } from 'node:crypto';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function hashEmail(email: string, key: string): string {
  return createHmac('sha256', key).update(normaliseEmail(email)).digest('hex');
}
