// What importers produce: catalogue products, customers, orders with line items, and events.
// Format parsers turn a file's rows into these; the import runner writes them.
import type { StoredEvent } from '@centric/storage';

export type ImportKind = 'products' | 'orders' | 'customers' | 'events';
export const IMPORT_KINDS: readonly ImportKind[] = ['products', 'orders', 'customers', 'events'];

export type ImportFormat =
  | 'csv'
  | 'merchant'
  | 'shopify'
  | 'woocommerce'
  | 'generic'
  | 'ndjson'
  | 'retailrocket';

export interface ProductRecord {
  productId: string;
  title: string;
  description: string | null;
  /** Category path with ' > ' between levels, as Google's product taxonomy writes it. */
  categoryPath: string | null;
  brand: string | null;
  price: number | null;
  salePrice: number | null;
  currency: string | null;
  availability: 'in_stock' | 'out_of_stock' | 'preorder' | 'backorder' | null;
  imageLink: string | null;
  link: string | null;
  attributes: Record<string, string>;
}

export interface CustomerRecord {
  customerId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  createdAt: number | null;
  attributes: Record<string, string>;
}

export interface OrderLine {
  productId: string;
  sku: string | null;
  name: string | null;
  category: string | null;
  brand: string | null;
  /** Unit price. */
  price: number | null;
  quantity: number;
}

export type OrderStatus = 'completed' | 'cancelled' | 'refunded' | 'partially_refunded';

export interface OrderRecord {
  orderId: string;
  customerId: string | null;
  email: string | null;
  orderedAt: number;
  currency: string | null;
  status: OrderStatus;
  /** Order total; the sum of the lines when the file has none. */
  total: number;
  shipping: number | null;
  tax: number | null;
  discount: number | null;
  coupon: string | null;
  refundAmount: number | null;
  refundedAt: number | null;
  cancelledAt: number | null;
  channel: 'web' | 'app' | 'store' | 'service' | 'email';
  lines: OrderLine[];
}

/** One item a format parser yields: a record with the line it started on, or a rejected row. */
export type ParsedItem<T> = { line: number; record: T } | { line: number; error: string };

export type AnyRecord =
  | { kind: 'products'; record: ProductRecord }
  | { kind: 'customers'; record: CustomerRecord }
  | { kind: 'orders'; record: OrderRecord }
  | { kind: 'events'; record: StoredEvent };
