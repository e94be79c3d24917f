// npm entry of @centric/sdk (built to dist/centric.esm.js as well): a ready tracker `centric`
// to init() once, and createCentric() for a second, independent one. Nothing touches the page
// until init(), so importing it during server-side rendering is harmless.
import { createCentric } from './tracker';
import type { Centric } from './types';

export { fromDataLayer, GA4_EVENTS } from './data-layer';
export { CONSENT_EVENT, createCentric, VERSION } from './tracker';
export type {
  Cart,
  Centric,
  CentricOptions,
  ConsentState,
  DecideInput,
  DecidePage,
  DecidePageInput,
  DecideResponse,
  Listener,
  Order,
  Product,
  Properties,
  Rendered,
  WidgetHost,
} from './types';

/**
 * @example
 * import { centric } from '@centric/sdk';
 * centric.init({ writeKey: 'pk_...', host: 'https://centric.example.com' });
 * centric.track('Newsletter Subscribed', { list: 'weekly' });
 */
export const centric: Centric = createCentric();
export default centric;
