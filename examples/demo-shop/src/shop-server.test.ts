// The shop server over real HTTP on 127.0.0.1: every page renders with the SDK tag and its
// configuration (Centric's URL, the public write key, the page's context), text is escaped,
// images and the product feed point at the shop, and the checkout API prices, refuses and
// remembers orders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalogue } from './catalogue';
import { parseCsvRecords } from './csv';
import { type RunningShop, startShop } from './shop-server';

const CENTRIC = 'http://127.0.0.1:65001';
const catalogue = Catalogue.fromCsv(
  [
    'id,title,category,price,currency,availability',
    'MUG-1,BIG MUG,Kitchen & dining,4.50,GBP,in stock',
    'LAMP/2,TABLE LAMP <B>,Home decor > Candles & lights,30.00,GBP,in stock',
    'GONE,OLD VASE,Home decor > Vases,9.00,GBP,out of stock',
  ].join('\n'),
);
let shop: RunningShop;

beforeAll(async () => {
  shop = await startShop({ catalogue, centricUrl: `${CENTRIC}/`, writeKey: 'pk_public_123', port: 0 });
});
afterAll(async () => {
  await shop.close();
});

async function get(path: string) {
  const res = await fetch(`${shop.url}${path}`);
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    headers: res.headers,
    text: await res.text(),
  };
}

function pageConfig(
  html: string,
): { centric: { host: string; writeKey: string }; page: Record<string, unknown> } & Record<string, unknown> {
  const match = /<script type="application\/json" id="shop-config">(.*?)<\/script>/s.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]!);
}

async function post(path: string, body: unknown) {
  const res = await fetch(`${shop.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    json: (await res.json()) as Record<string, unknown> & {
      error?: { code: string; details: { field: string }[] };
    },
  };
}

describe('pages', () => {
  it('load the SDK from Centric and give the page script the write key and the page context', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.type).toMatch(/^text\/html/);
    expect(home.text).toContain(`<script src="${CENTRIC}/sdk/centric.js" defer></script>`);
    expect(home.text).toContain('data-centric-slot="home"');
    expect(pageConfig(home.text)).toMatchObject({
      centric: { host: CENTRIC, writeKey: 'pk_public_123' },
      page: { type: 'home', name: 'Home' },
      currency: 'GBP',
      freeShippingThreshold: 25,
    });
    // Scripts and API calls may go to the shop and Centric only.
    const csp = home.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`script-src 'self' ${CENTRIC}`);
    expect(csp).toContain(`connect-src 'self' ${CENTRIC}`);
  });

  it('renders a product page with its slot and product data, escaping the title', async () => {
    const page = await get(`/p/${encodeURIComponent('LAMP/2')}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Table Lamp &lt;b&gt;');
    expect(page.text).not.toContain('<b>');
    expect(page.text).toContain('data-centric-slot="product_page"');
    expect(pageConfig(page.text)).toMatchObject({
      page: { type: 'product', productId: 'LAMP/2', category: 'Home decor > Candles & lights' },
      product: { productId: 'LAMP/2', title: 'Table Lamp <b>', price: 30, currency: 'GBP', inStock: true },
    });
    const gone = await get('/p/GONE');
    expect(gone.text).toMatch(/data-testid="add-to-cart"\s+disabled/);
  });

  it('lists a parent category with its sub-categories and the list for Product List Viewed', async () => {
    const page = await get('/c/home-decor?sort=price-asc');
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/c/home-decor-candles-lights"');
    expect(pageConfig(page.text)).toMatchObject({
      page: { type: 'category', category: 'Home decor' },
      list: { listId: 'home-decor', products: [{ productId: 'GONE' }, { productId: 'LAMP/2' }] },
    });
    expect((await get('/c/nowhere')).status).toBe(404);
  });

  it('keeps the search text in the box, escaped', async () => {
    const page = await get(`/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    // Inside the JSON block, "<" is escaped so the data cannot close the script element.
    expect(pageConfig(page.text).page).toMatchObject({ type: 'search', query: '<script>alert(1)</script>' });
  });

  it('serves cart, checkout, account and a 404 page', async () => {
    for (const [path, type] of [
      ['/cart', 'cart'],
      ['/checkout', 'checkout'],
      ['/account', 'account'],
    ] as const) {
      const page = await get(path);
      expect(page.status).toBe(200);
      expect(pageConfig(page.text).page.type).toBe(type);
    }
    expect((await get('/cart')).text).toContain('data-centric-slot="cart"');
    expect((await get('/checkout')).text).toContain('data-testid="pay-paypal"');
    expect((await get('/no/such/page')).status).toBe(404);
    expect((await get('/order/ORD-NOPE')).status).toBe(404);
  });
});

describe('images, assets and the product feed', () => {
  it('draws a placeholder SVG per product and serves only files from public/', async () => {
    const image = await get('/img/MUG-1.svg');
    expect(image.type).toBe('image/svg+xml');
    expect(image.text).toContain('>BM</text>');
    expect((await get('/img/NOPE.svg')).status).toBe(404);
    expect((await get('/assets/js/main.js')).type).toMatch(/^text\/javascript/);
    expect((await get('/assets/shop.css')).type).toMatch(/^text\/css/);
    expect((await get('/assets/%2e%2e/src/main.ts')).status).toBe(404);
    expect((await get('/assets/../package.json')).status).toBe(404);
  });

  it('answers the product feed with links and images on the shop', async () => {
    const feed = parseCsvRecords((await get('/feed/products.csv')).text);
    expect(feed).toHaveLength(3);
    expect(feed[1]).toEqual({
      id: 'LAMP/2',
      title: 'Table Lamp <b>',
      category: 'Home decor > Candles & lights',
      price: '30.00',
      currency: 'GBP',
      availability: 'in stock',
      image_link: `${shop.url}/img/LAMP%2F2.svg`,
      link: `${shop.url}/p/LAMP%2F2`,
    });
    expect(feed[2]!.availability).toBe('out of stock');
  });
});

describe('checkout API', () => {
  const order = {
    items: [{ productId: 'MUG-1', quantity: 2 }],
    email: 'ada@example.com',
    address: {
      name: 'Ada',
      line1: '1 Main St',
      city: 'Leeds',
      postcode: 'LS1 1AA',
      country: 'United Kingdom',
    },
    shipping: 'standard',
    payment: { method: 'invoice' },
  };

  it('places an order priced by the shop and shows its confirmation, reporting it only once', async () => {
    const placed = await post('/api/orders', {
      ...order,
      items: [{ productId: 'MUG-1', quantity: 2, price: 0.01 }],
    });
    expect(placed.status).toBe(201);
    expect(placed.json).toMatchObject({ total: 12.95, url: `/order/${placed.json.orderId}` });
    const first = pageConfig((await get(String(placed.json.url))).text);
    expect(first).toMatchObject({
      page: { type: 'confirmation' },
      reportOrder: true,
      order: {
        orderId: placed.json.orderId,
        subtotal: 9,
        total: 12.95,
        lines: [{ productId: 'MUG-1', quantity: 2 }],
      },
    });
    expect(pageConfig((await get(String(placed.json.url))).text).reportOrder).toBe(false);
  });

  it('answers 400 with every bad field, 402 for a declined card, 415 for a non-JSON body', async () => {
    const bad = await post('/api/orders', {
      ...order,
      email: 'nope',
      items: [{ productId: 'GONE', quantity: 1 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.details.map((d) => d.field)).toEqual(['items.0', 'email']);
    const declined = await post('/api/orders', {
      ...order,
      payment: { method: 'card', number: '4000000000000002', expiry: '12/40', cvc: '123' },
    });
    expect(declined.status).toBe(402);
    expect(declined.json.error?.code).toBe('payment_declined');
    const text = await fetch(`${shop.url}/api/orders`, { method: 'POST', body: 'x' });
    expect(text.status).toBe(415);
  });

  it('signs a customer in with a stable id and lists their orders; checks coupons', async () => {
    const first = await post('/api/sign-in', { email: ' Grace@Example.com ', name: 'Grace' });
    const again = await post('/api/sign-in', { email: 'grace@example.com', name: '' });
    expect(first.status).toBe(200);
    expect(first.json.customerId).toMatch(/^cust-[0-9a-f]{16}$/);
    expect(again.json).toEqual({
      customerId: first.json.customerId,
      email: 'grace@example.com',
      name: 'grace',
    });
    expect((await post('/api/sign-in', { email: 'nope' })).status).toBe(400);
    await post('/api/orders', { ...order, customerId: first.json.customerId, coupon: 'THISTLE10' });
    const orders = (await (
      await fetch(`${shop.url}/api/orders?customer=${first.json.customerId}`)
    ).json()) as {
      orders: { total: number; items: number }[];
    };
    expect(orders.orders).toEqual([expect.objectContaining({ total: 12.05, items: 2 })]);
    expect(await (await fetch(`${shop.url}/api/coupons/thistle10`)).json()).toEqual({
      code: 'THISTLE10',
      percentOff: 10,
    });
    expect((await fetch(`${shop.url}/api/coupons/FREE`)).status).toBe(404);
  });
});
