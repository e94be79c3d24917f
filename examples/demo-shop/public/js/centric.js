// The shop's only door to Centric: the public browser SDK (window.centric, loaded from
// {centric}/sdk/centric.js) and Centric's public read APIs (search, suggestions, stream) called
// with the project's public write key. When Centric is not reachable the shop still works: every
// call here turns into a no-op and personal parts stay empty.
import { config } from './config.js';

const CONSENT_KEY = 'shop.consent';

/** @returns {any} the SDK, or null when its script did not load */
function sdk() {
  return /** @type {any} */ (window).centric ?? null;
}

/** The visitor's consent choice: 'granted', 'denied', or 'pending' before they chose. */
export function storedConsent() {
  const value = localStorage.getItem(CONSENT_KEY);
  return value === 'granted' || value === 'denied' ? value : 'pending';
}

let started = false;

/** Starts the SDK with the stored consent choice. */
export function startTracking() {
  const centric = sdk();
  if (!centric || started) return;
  started = true;
  const consent = storedConsent();
  centric.init({
    writeKey: config.centric.writeKey,
    host: config.centric.host,
    consent,
    // Without consent the SDK counts visits cookieless: no identifier is stored or sent.
    cookieless: consent === 'denied',
    // The shop names its pages itself (page type and category in the properties).
    autoPageviews: false,
  });
}

/**
 * Records the visitor's choice for the shop (a choice, not an identifier) and tells the SDK,
 * which records it as a Consent Updated event.
 * @param {'granted' | 'denied'} choice
 */
export function setConsent(choice) {
  localStorage.setItem(CONSENT_KEY, choice);
  sdk()?.setConsent(choice);
}

/** The SDK's anonymous id, or null (no consent, cookieless, or no SDK). */
export function anonymousId() {
  try {
    return sdk()?.anonymousId() || null;
  } catch {
    return null;
  }
}

/**
 * Who Centric's personal answers (search ranking, suggestions, stream) are for: the signed-in
 * customer, else the anonymous visitor - only with consent; without it the shop asks
 * anonymously.
 */
export function visitorId() {
  if (storedConsent() !== 'granted') return null;
  const customer = signedInCustomer();
  return customer ? customer.customerId : anonymousId();
}

/** @returns {{ customerId: string, email: string, name: string } | null} */
export function signedInCustomer() {
  try {
    return JSON.parse(sessionStorage.getItem('shop.customer') || 'null');
  } catch {
    return null;
  }
}

/** @param {{ customerId: string, email: string, name: string } | null} customer */
export function setSignedInCustomer(customer) {
  if (customer) {
    // A login lasts for the browser session, like a session cookie would.
    sessionStorage.setItem('shop.customer', JSON.stringify(customer));
    sdk()?.identify(customer.customerId, { email: customer.email, name: customer.name });
  } else {
    sessionStorage.removeItem('shop.customer');
    sdk()?.reset();
  }
}

/**
 * @param {string} name
 * @param {Record<string, unknown>} [properties]
 */
export function page(name, properties = {}) {
  sdk()?.page(name, properties);
}

/**
 * @param {string} event
 * @param {Record<string, unknown>} [properties]
 */
export function track(event, properties = {}) {
  sdk()?.track(event, properties);
}

/**
 * The SDK's e-commerce helpers by name (productViewed, productAdded, productRemoved, cartViewed,
 * checkoutStarted, orderCompleted).
 * @param {string} helper
 * @param {...unknown} args
 */
export function ecommerce(helper, ...args) {
  const centric = sdk();
  if (centric && typeof centric[helper] === 'function') centric[helper](...args);
}

export function flush() {
  return Promise.resolve(sdk()?.flush?.()).catch(() => undefined);
}

/**
 * Asks Centric what to show on this page (recommendations for the page's slots, triggered
 * messages) and renders it. A second call on the same page takes over from the first (the
 * widgets update carousels and the free-shipping bar in place and count no impression twice).
 * @param {Record<string, unknown>} pageInfo
 */
export async function personalise(pageInfo) {
  const centric = sdk();
  if (!centric) return null;
  const slots = [...document.querySelectorAll('[data-centric-slot]')].map(
    (element) => /** @type {HTMLElement} */ (element).dataset.centricSlot,
  );
  try {
    const decision = await centric.decide({ page: { url: location.href, ...pageInfo }, slots });
    await centric.render(decision);
    return decision;
  } catch (error) {
    console.warn('Centric decision unavailable:', error);
    return null;
  }
}

/**
 * GET a Centric read API with the public write key.
 * @param {string} path e.g. /v1/search
 * @param {Record<string, string | number | null | undefined>} params
 * @param {AbortSignal} [signal]
 */
export async function centricGet(path, params, signal) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  }
  const response = await fetch(`${config.centric.host}${path}?${query}`, {
    headers: { authorization: `Bearer ${config.centric.writeKey}` },
    signal,
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? `Centric answered ${response.status}`);
  return body;
}
