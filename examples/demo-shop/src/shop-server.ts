// The demo shop's HTTP server (node:http): server-rendered pages, generated product images, the
// browser scripts and styles, the product feed, and a small JSON API for checkout and accounts.
// It talks to Centric only from the browser, through the public SDK and the public write key.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { customerFor } from './accounts';
import type { Catalogue } from './catalogue';
import { placeholderSvg } from './images';
import { CheckoutError, findCoupon, OrderBook, type OrderRequest, placeOrder } from './orders';
import {
  categoryPage,
  errorPage,
  homePage,
  notFoundPage,
  parseSort,
  productPage,
  searchPage,
} from './pages/catalogue-pages';
import { accountPage, cartPage, checkoutPage, confirmationPage } from './pages/checkout-pages';
import { type LayoutOptions, layout, type ShopSettings } from './pages/layout';
import { productFeedCsv } from './product-feed';

export interface ShopOptions {
  catalogue: Catalogue;
  /** Where Centric runs, as the browser reaches it. */
  centricUrl: string;
  /** The project's public write key. */
  writeKey: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface RunningShop {
  url: string;
  port: number;
  orders: OrderBook;
  close(): Promise<void>;
}

const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};
const MAX_BODY = 64 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }
}

function securityHeaders(centricUrl: string): Record<string, string> {
  const centric = new URL(centricUrl).origin;
  return {
    // Scripts and API calls only to the shop and Centric; widgets may set inline styles.
    'content-security-policy': [
      "default-src 'self'",
      `script-src 'self' ${centric}`,
      `connect-src 'self' ${centric}`,
      `img-src 'self' data: ${centric}`,
      `style-src 'self' 'unsafe-inline' ${centric}`,
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? ''))
    throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'payload_too_large', `the body is over ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid_json', 'the body is not valid JSON');
  }
}

/**
 * @example const shop = await startShop({ catalogue, centricUrl: 'http://127.0.0.1:8080', writeKey, port: 3000 });
 */
export async function startShop({
  catalogue,
  centricUrl,
  writeKey,
  host = '127.0.0.1',
  port = 3000,
}: ShopOptions): Promise<RunningShop> {
  const settings: ShopSettings = { catalogue, centricUrl: centricUrl.replace(/\/$/, ''), writeKey };
  const orders = new OrderBook();
  const headers = securityHeaders(settings.centricUrl);
  let shopUrl = '';

  const send = (
    response: ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    extra: Record<string, string> = {},
  ) => {
    response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...extra });
    response.end(body);
  };
  const sendPage = (response: ServerResponse, options: LayoutOptions) =>
    send(response, options.status ?? 200, 'text/html; charset=utf-8', layout(settings, options).value, {
      ...headers,
      'cache-control': 'no-store',
    });
  const sendJson = (response: ServerResponse, status: number, body: unknown) =>
    send(response, status, 'application/json; charset=utf-8', JSON.stringify(body), {
      'cache-control': 'no-store',
    });

  async function asset(response: ServerResponse, path: string): Promise<boolean> {
    const file = normalize(join(PUBLIC_DIR, path));
    const type = CONTENT_TYPES[extname(file)];
    if (!file.startsWith(PUBLIC_DIR.endsWith(sep) ? PUBLIC_DIR : PUBLIC_DIR + sep) || !type) return false;
    try {
      send(response, 200, type, await readFile(file), { 'cache-control': 'no-cache' });
      return true;
    } catch {
      return false;
    }
  }

  async function api(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const route = `${request.method} ${url.pathname}`;
    if (route === 'POST /api/orders') {
      const body = (await readJson(request)) as OrderRequest;
      if (!body || typeof body !== 'object')
        throw new HttpError(400, 'validation_failed', 'send an order object');
      try {
        const order = placeOrder(catalogue, body);
        orders.add(order);
        sendJson(response, 201, { orderId: order.id, total: order.total, url: `/order/${order.id}` });
      } catch (error) {
        if (error instanceof CheckoutError)
          throw new HttpError(
            error.code === 'payment_declined' ? 402 : 400,
            error.code,
            error.message,
            error.problems,
          );
        throw error;
      }
      return;
    }
    if (route === 'POST /api/sign-in') {
      const body = (await readJson(request)) as { email?: unknown; name?: unknown };
      const customer = customerFor(String(body?.email ?? ''), String(body?.name ?? ''));
      if (!customer)
        throw new HttpError(400, 'validation_failed', 'Enter an e-mail address like name@example.com', [
          { field: 'email', message: 'Enter an e-mail address like name@example.com' },
        ]);
      sendJson(response, 200, customer);
      return;
    }
    const couponCode = /^GET \/api\/coupons\/(.+)$/.exec(route);
    if (couponCode) {
      const coupon = findCoupon(decodeURIComponent(couponCode[1]!));
      if (!coupon) throw new HttpError(404, 'coupon_unknown', 'This code is not valid');
      sendJson(response, 200, coupon);
      return;
    }
    if (route === 'GET /api/orders') {
      const customer = url.searchParams.get('customer');
      if (!customer) throw new HttpError(400, 'validation_failed', 'the query needs ?customer=<customer id>');
      sendJson(response, 200, {
        orders: orders.forCustomer(customer).map((o) => ({
          orderId: o.id,
          createdAt: o.createdAt,
          total: o.total,
          currency: o.currency,
          items: o.lines.reduce((n, l) => n + l.quantity, 0),
        })),
      });
      return;
    }
    throw new HttpError(404, 'not_found', `no API route ${route}`);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://shop.invalid');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      throw new HttpError(400, 'invalid_url', `the path ${url.pathname} is not valid URL encoding`);
    }
    if (path.startsWith('/api/')) return api(request, response, url);
    if (request.method !== 'GET' && request.method !== 'HEAD')
      throw new HttpError(405, 'method_not_allowed', `${request.method} is not allowed on ${path}`);

    if (path === '/') return sendPage(response, homePage(catalogue));
    if (path === '/health') return sendJson(response, 200, { ok: true, products: catalogue.products.length });
    if (path.startsWith('/assets/')) {
      if (await asset(response, path.slice('/assets/'.length))) return;
      throw new HttpError(404, 'not_found', `no asset ${path}`);
    }
    const image = /^\/img\/(.+)\.svg$/.exec(path);
    if (image) {
      const product = catalogue.get(image[1]!);
      if (!product) throw new HttpError(404, 'not_found', `no product ${image[1]}`);
      return send(
        response,
        200,
        'image/svg+xml',
        placeholderSvg({ id: product.id, title: product.title, colour: catalogue.colourOf(product) }),
        { 'cache-control': 'public, max-age=86400' },
      );
    }
    const category = /^\/c\/([a-z0-9-]+)$/.exec(path);
    if (category) {
      const page = categoryPage(catalogue, category[1]!, {
        sort: parseSort(url.searchParams.get('sort')),
        page: Number(url.searchParams.get('page') ?? 1) || 1,
      });
      return sendPage(response, page ?? notFoundPage('There is no such category.'));
    }
    const product = /^\/p\/(.+)$/.exec(path);
    if (product) {
      const found = catalogue.get(product[1]!);
      return sendPage(
        response,
        found ? productPage(catalogue, found) : notFoundPage('There is no such product.'),
      );
    }
    const order = /^\/order\/([A-Z0-9-]+)$/.exec(path);
    if (order) {
      const found = orders.get(order[1]!);
      if (!found) return sendPage(response, notFoundPage('There is no such order.'));
      return sendPage(response, confirmationPage(found, { report: orders.firstConfirmation(found.id) }));
    }
    const pages: Record<string, () => LayoutOptions> = {
      '/search': () =>
        searchPage((url.searchParams.get('q') ?? '').trim().slice(0, 100), url.searchParams.get('category')),
      '/cart': cartPage,
      '/checkout': checkoutPage,
      '/account': accountPage,
    };
    const page = pages[path];
    if (page) return sendPage(response, page());
    if (path === '/feed/products.csv')
      return send(response, 200, 'text/csv; charset=utf-8', productFeedCsv(catalogue, shopUrl), {
        'cache-control': 'no-cache',
      });
    sendPage(response, notFoundPage('The page you asked for is not here.'));
  }

  function fail(request: IncomingMessage, response: ServerResponse, error: unknown): void {
    if (response.headersSent) response.destroy();
    else if (!(error instanceof HttpError)) {
      console.error('demo shop: request failed', error);
      sendJson(response, 500, {
        error: { code: 'internal', message: 'the shop failed; see its log', details: null },
      });
    } else if (request.url?.startsWith('/api/'))
      sendJson(response, error.status, {
        error: { code: error.code, message: error.message, details: error.details },
      });
    else sendPage(response, errorPage(error.status, error.message));
  }

  const server = createServer((request, response) => {
    handle(request, response)
      .catch((error: unknown) => fail(request, response, error))
      .catch((error: unknown) => {
        // Even the error page failed: close the connection rather than leave the browser waiting.
        console.error('demo shop: error page failed', error);
        response.destroy();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  shopUrl = `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
  return {
    url: shopUrl,
    port: actual,
    orders,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
