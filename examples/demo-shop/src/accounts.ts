// Customer accounts of the demo shop: signing in with an e-mail address gives a stable customer id
// (the same address always gives the same id, across restarts), which the page passes to
// `centric.identify()`. A demo keeps no passwords; a real shop would check one here.
import { createHash } from 'node:crypto';

export interface Customer {
  customerId: string;
  email: string;
  name: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Null when the e-mail address is not one. */
export function customerFor(email: string, name: string): Customer | null {
  const address = email.trim().toLowerCase();
  if (!EMAIL.test(address) || address.length > 200) return null;
  const id = createHash('sha256').update(`demo-shop:${address}`).digest('hex').slice(0, 16);
  const fallback = address.split('@')[0]!;
  return { customerId: `cust-${id}`, email: address, name: name.trim().slice(0, 100) || fallback };
}
