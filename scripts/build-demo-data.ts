// Builds the demo data shipped in demo/ from the public UCI Online Retail dataset (CC BY 4.0).
// Maintainers run it once; users never need it. Usage:
//   node --import tsx scripts/build-demo-data.ts PATH/TO/online-retail
// PATH must hold online_retail_full_no_invoice.csv.gz (the complete year, without invoice and
// stock codes) and online_retail_first_240k.csv.gz (first half, with them).
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip, gzipSync } from 'node:zlib';
import { fnv1a64 } from '@centric/core';
import { parse } from 'csv-parse/sync';

const source = process.argv[2];
if (!source || !existsSync(join(source, 'online_retail_full_no_invoice.csv.gz'))) {
  process.stderr.write(
    `build-demo-data: online_retail_full_no_invoice.csv.gz not found in "${source ?? ''}"; pass the online-retail folder\n`,
  );
  process.exit(1);
}
const out = resolve(dirname(fileURLToPath(import.meta.url)), '../demo/data');
mkdirSync(out, { recursive: true });

async function* csvRows(file: string): AsyncGenerator<string[]> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    const [row] = parse(line) as string[][];
    if (row) yield row;
  }
}

// Stock codes from the half of the data that has them: description -> most frequent code.
const codeCounts = new Map<string, Map<string, number>>();
for await (const [, stockCode, description] of csvRows(join(source, 'online_retail_first_240k.csv.gz'))) {
  if (!stockCode || !description) continue;
  const key = description.trim().toUpperCase();
  const counts = codeCounts.get(key) ?? new Map<string, number>();
  counts.set(stockCode, (counts.get(stockCode) ?? 0) + 1);
  codeCounts.set(key, counts);
}
const codeOf = (description: string) => {
  const counts = codeCounts.get(description);
  if (!counts) return `P${fnv1a64(description).slice(0, 8).toUpperCase()}`;
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
};

/** Keyword categories: the dataset has none; first match wins. */
const CATEGORIES: [string, RegExp][] = [
  ['Seasonal > Christmas', /CHRISTMAS|XMAS|ADVENT|SANTA|REINDEER|SNOWFLAKE|NATIVITY/],
  ['Home decor > Candles & lights', /CANDLE|T-LIGHT|TEALIGHT|LANTERN|LIGHTS?\b|LAMP|NIGHT LIGHT/],
  [
    'Kitchen & dining',
    /MUG|CUP|PLATE|BOWL|JUG|TEAPOT|CAKE|BAKING|CUTLERY|NAPKIN|LUNCH|JAR|\bTIN\b|TINS|RECIPE|KITCHEN|\bTEA\b|COFFEE|SPOON|TRAY|BOTTLE|GLASS|EGG/,
  ],
  ['Bags & storage', /BAG|BOX|BASKET|STORAGE|CASE|PURSE|WICKER|CRATE/],
  [
    'Stationery & party',
    /CARD|WRAP|PAPER|NOTEBOOK|PEN\b|PENCIL|STICKER|PARTY|BUNTING|BALLOON|CHALK|TAG|RIBBON|ENVELOPE|NAPKINS|BIRTHDAY/,
  ],
  ['Toys & kids', /CHILDRENS|CHILDS|TOY|DOLL|GAME|PLAYHOUSE|SPACEBOY|JIGSAW|\bKIT\b|SKIPPING|PUPPET/],
  ['Garden', /GARDEN|PLANT|FLOWER POT|WATERING|BIRD|HERB/],
  [
    'Home decor > Signs & frames',
    /SIGN|FRAME|CLOCK|MIRROR|WALL|PLAQUE|DOORMAT|HOOK|HANGER|HEART|DECORATION|ORNAMENT|DOOR/,
  ],
  ['Textiles', /CUSHION|BLANKET|APRON|TOWEL|HOT WATER|SCARF|UMBRELLA|GLOVES|THROW|QUILT/],
  ['Jewellery & accessories', /NECKLACE|EARRING|BRACELET|RING\b|HAIR|JEWEL|CHARM|BEAD/],
];
const categoryOf = (d: string) => CATEGORIES.find(([, re]) => re.test(d))?.[0] ?? 'Gifts & other';
const NOT_PRODUCTS =
  /^(POSTAGE|DOTCOM POSTAGE|CARRIAGE|MANUAL|DISCOUNT|AMAZON FEE|BANK CHARGES|SAMPLES|CRUK COMMISSION|ADJUST BAD DEBT)$/;
const SHIPPING = /^(POSTAGE|DOTCOM POSTAGE|CARRIAGE)$/;

interface Line {
  productId: string;
  name: string;
  category: string;
  price: number;
  quantity: number;
}
interface Order {
  orderId: string;
  at: string;
  customerId: string;
  lines: Line[];
  shipping: number;
  refund: number;
  refundedAt: string | null;
}
const orders = new Map<string, Order>();
const byCustomer = new Map<string, Order[]>();
const customers = new Map<string, { first: string; country: string }>();
const prices = new Map<string, { name: string; category: string; prices: Map<number, number> }>();
const returns: { customerId: string; at: string; productId: string; amount: number }[] = [];

for await (const [descriptionRaw, quantityText, date, priceText, customerIdRaw, country] of csvRows(
  join(source, 'online_retail_full_no_invoice.csv.gz'),
)) {
  const customerId = (customerIdRaw ?? '').replace(/\.0$/, '');
  if (!customerId || !date || !descriptionRaw) continue;
  // Half of the customers, chosen by a stable hash, keep the repository small.
  if (Number.parseInt(fnv1a64(customerId).slice(-2), 16) % 2 === 1) continue;
  const description = descriptionRaw.trim().toUpperCase();
  const quantity = Number(quantityText);
  const price = Number(priceText);
  if (!Number.isFinite(quantity) || !Number.isFinite(price) || price < 0) continue;
  const at = `${date.replace(' ', 'T')}Z`;
  if (quantity < 0) {
    if (!NOT_PRODUCTS.test(description))
      returns.push({ customerId, at, productId: codeOf(description), amount: -quantity * price });
    continue;
  }
  const orderId = `${customerId}-${date.replace(/\D/g, '').slice(0, 12)}`;
  let order = orders.get(orderId);
  if (!order) {
    order = { orderId, at, customerId, lines: [], shipping: 0, refund: 0, refundedAt: null };
    orders.set(orderId, order);
    byCustomer.set(customerId, [...(byCustomer.get(customerId) ?? []), order]);
  }
  if (!customers.has(customerId)) customers.set(customerId, { first: at, country: country ?? '' });
  if (SHIPPING.test(description)) {
    order.shipping += quantity * price;
    continue;
  }
  if (NOT_PRODUCTS.test(description) || price === 0) continue;
  const productId = codeOf(description);
  const category = categoryOf(description);
  order.lines.push({ productId, name: description, category, price, quantity });
  const p = prices.get(productId) ?? { name: description, category, prices: new Map<number, number>() };
  p.prices.set(price, (p.prices.get(price) ?? 0) + quantity);
  prices.set(productId, p);
}

// Returns: booked as refunds on the customer's latest earlier order holding the product.
let matchedReturns = 0;
for (const r of returns) {
  const candidates = (byCustomer.get(r.customerId) ?? []).filter(
    (o) => o.at <= r.at && o.lines.some((l) => l.productId === r.productId),
  );
  const order = candidates.at(-1);
  if (!order) continue;
  order.refund += r.amount;
  order.refundedAt = r.at > (order.refundedAt ?? '') ? r.at : order.refundedAt;
  matchedReturns += 1;
}

const q = (v: string | number) =>
  typeof v === 'number'
    ? String(Math.round(v * 100) / 100)
    : /[",\n]/.test(v)
      ? `"${v.replace(/"/g, '""')}"`
      : v;
const orderLines = [
  'order_id,ordered_at,customer_id,currency,status,refund_amount,refunded_at,shipping,product_id,product_name,category,unit_price,quantity',
];
let kept = 0;
for (const o of [...orders.values()].sort((a, b) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.orderId < b.orderId ? -1 : 1,
)) {
  if (o.lines.length === 0) continue;
  kept += 1;
  const total = o.lines.reduce((s, l) => s + l.price * l.quantity, 0) + o.shipping;
  const refund = Math.min(o.refund, total);
  const status = refund <= 0 ? 'completed' : refund >= total - 0.005 ? 'refunded' : 'partially_refunded';
  for (const l of o.lines) {
    orderLines.push(
      [
        o.orderId,
        o.at,
        o.customerId,
        'GBP',
        status,
        refund > 0 ? refund : '',
        o.refundedAt ?? '',
        o.shipping || '',
        l.productId,
        l.name,
        l.category,
        l.price,
        l.quantity,
      ]
        .map((v) => (v === '' ? '' : q(v)))
        .join(','),
    );
  }
}
const productLines = ['id,title,category,price,currency,availability'];
for (const [id, p] of [...prices.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const mode = [...p.prices.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  productLines.push([id, p.name, p.category, mode, 'GBP', 'in stock'].map(q).join(','));
}
const customerLines = ['id,created_at,country'];
for (const [id, c] of [...customers.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
  customerLines.push([id, c.first, c.country].map(q).join(','));

const write = (name: string, lines: string[]) => {
  const gz = gzipSync(`${lines.join('\n')}\n`, { level: 9 });
  writeFileSync(join(out, name), gz);
  return gz.length;
};
const sizes = {
  orders: write('orders.csv.gz', orderLines),
  products: write('products.csv.gz', productLines),
  customers: write('customers.csv.gz', customerLines),
};
process.stdout.write(
  `${JSON.stringify({ orders: kept, orderLines: orderLines.length - 1, products: productLines.length - 1, customers: customerLines.length - 1, returns: returns.length, matchedReturns, bytes: sizes })}\n`,
);
