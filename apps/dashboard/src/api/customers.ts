// Typed calls for the customer routes: the customer list, the 360 view, merges and their undo, and the
// GDPR export and erasure. Response shapes follow apps/server/src/routes/customers.routes.ts.
import type { ProfileTraits } from '@centric/contracts';
import {
  asRecord,
  bool,
  type JsonRecord,
  list,
  num,
  numberMap,
  numOrNull,
  str,
  strList,
  strOrNull,
} from './validate';

/** Computed traits of a profile (times are epoch ms). */
export type CustomerTraits = ProfileTraits;

export type CustomerSort = 'revenue' | 'orders' | 'predicted_clv' | 'churn_probability' | 'last_order';

export interface CustomerList {
  customers: CustomerTraits[];
  total: number;
}

export type IdentityKind = 'anonymous' | 'user' | 'email' | 'external';

export interface Identity {
  key: string;
  kind: IdentityKind;
  value: string;
}

export interface CustomerOrder {
  orderId: string;
  at: string;
  revenue: number;
  currency: string | null;
  channel: string;
  status: string;
}

export interface TimelineEvent {
  at: string;
  type: string;
  event: string | null;
  channel: string;
  sessionId: string | null;
  productId: string | null;
  orderId: string | null;
  revenue: number | null;
  pagePath: string | null;
  query: string | null;
}

export interface Merge {
  mergeId: string;
  at: string;
  keptProfile: string;
  mergedProfile: string;
  reason: string;
  movedIdentities: string[];
  undoneAt: string | null;
}

export interface CustomerSegment {
  segmentId: string;
  name: string;
  since: string;
}

export interface Customer360 {
  profileId: string;
  identities: Identity[];
  traits: CustomerTraits | null;
  /** The imported CRM row, as imported. */
  customer: JsonRecord | null;
  orders: CustomerOrder[];
  /** Newest first. */
  timeline: TimelineEvent[];
  segments: CustomerSegment[];
  merges: Merge[];
}

export interface ErasureReport {
  profileId: string;
  deleted: Record<string, number>;
  remaining: Record<string, number>;
  verified: boolean;
}

const IDENTITY_KINDS: readonly IdentityKind[] = ['anonymous', 'user', 'email', 'external'];

export function parseTraits(value: unknown): CustomerTraits {
  const r = asRecord(value, 'traits');
  return {
    profileId: str(r, 'profileId'),
    firstSeen: numOrNull(r, 'firstSeen'),
    lastSeen: numOrNull(r, 'lastSeen'),
    events: num(r, 'events'),
    sessions: num(r, 'sessions'),
    channels: strList(r, 'channels'),
    orders: num(r, 'orders'),
    revenue: num(r, 'revenue'),
    averageOrderValue: numOrNull(r, 'averageOrderValue'),
    firstOrderAt: numOrNull(r, 'firstOrderAt'),
    lastOrderAt: numOrNull(r, 'lastOrderAt'),
    rfmRecency: numOrNull(r, 'rfmRecency'),
    rfmFrequency: numOrNull(r, 'rfmFrequency'),
    rfmMonetary: numOrNull(r, 'rfmMonetary'),
    rfmSegment: strOrNull(r, 'rfmSegment'),
    lifecycleStage: strOrNull(r, 'lifecycleStage'),
    historicClv: numOrNull(r, 'historicClv'),
    predictedClv: numOrNull(r, 'predictedClv'),
    churnProbability: numOrNull(r, 'churnProbability'),
    expectedPurchases52w: numOrNull(r, 'expectedPurchases52w'),
    refreshedAt: num(r, 'refreshedAt'),
  };
}

export function parseCustomerList(body: unknown): CustomerList {
  const r = asRecord(body, 'body');
  return { customers: list(r, 'customers', parseTraits), total: num(r, 'total') };
}

function parseIdentity(value: unknown): Identity {
  const r = asRecord(value, 'identity');
  const kind = str(r, 'kind');
  if (!(IDENTITY_KINDS as readonly string[]).includes(kind))
    throw new Error(`unknown identity kind "${kind}"`);
  return { key: str(r, 'key'), kind: kind as IdentityKind, value: str(r, 'value') };
}

function parseOrder(value: unknown): CustomerOrder {
  const r = asRecord(value, 'order');
  return {
    orderId: str(r, 'orderId'),
    at: str(r, 'at'),
    revenue: num(r, 'revenue'),
    currency: strOrNull(r, 'currency'),
    channel: str(r, 'channel'),
    status: str(r, 'status'),
  };
}

function parseTimelineEvent(value: unknown): TimelineEvent {
  const r = asRecord(value, 'timeline event');
  return {
    at: str(r, 'at'),
    type: str(r, 'type'),
    event: strOrNull(r, 'event'),
    channel: str(r, 'channel'),
    sessionId: strOrNull(r, 'sessionId'),
    productId: strOrNull(r, 'productId'),
    orderId: strOrNull(r, 'orderId'),
    revenue: numOrNull(r, 'revenue'),
    pagePath: strOrNull(r, 'pagePath'),
    query: strOrNull(r, 'query'),
  };
}

export function parseMerge(value: unknown): Merge {
  const r = asRecord(value, 'merge');
  return {
    mergeId: str(r, 'mergeId'),
    at: str(r, 'at'),
    keptProfile: str(r, 'keptProfile'),
    mergedProfile: str(r, 'mergedProfile'),
    reason: str(r, 'reason'),
    movedIdentities: strList(r, 'movedIdentities'),
    undoneAt: strOrNull(r, 'undoneAt'),
  };
}

function parseCustomerSegment(value: unknown): CustomerSegment {
  const r = asRecord(value, 'segment');
  return { segmentId: str(r, 'segmentId'), name: str(r, 'name'), since: str(r, 'since') };
}

export function parseCustomer360(body: unknown): Customer360 {
  const r = asRecord(body, 'body');
  return {
    profileId: str(r, 'profileId'),
    identities: list(r, 'identities', parseIdentity),
    traits: r.traits === null || r.traits === undefined ? null : parseTraits(r.traits),
    customer: r.customer === null || r.customer === undefined ? null : asRecord(r.customer, 'customer'),
    orders: list(r, 'orders', parseOrder),
    timeline: list(r, 'timeline', parseTimelineEvent),
    segments: list(r, 'segments', parseCustomerSegment),
    merges: list(r, 'merges', parseMerge),
  };
}

export function parseErasureReport(body: unknown): ErasureReport {
  const r = asRecord(body, 'body');
  return {
    profileId: str(r, 'profileId'),
    deleted: numberMap(r, 'deleted'),
    remaining: numberMap(r, 'remaining'),
    verified: bool(r, 'verified'),
  };
}

/** The export is handed to the user as it came; it only has to be a JSON object. */
export function parseExport(body: unknown): JsonRecord {
  return asRecord(body, 'body');
}

export function customerListPath(sort: CustomerSort, limit: number): string {
  return `/v1/customers?${new URLSearchParams({ sort, limit: String(limit) }).toString()}`;
}

export function customerPath(identifier: string): string {
  return `/v1/customers/${encodeURIComponent(identifier)}`;
}

export function customerExportPath(identifier: string): string {
  return `${customerPath(identifier)}/export`;
}

export function undoMergePath(mergeId: string): string {
  return `/v1/merges/${encodeURIComponent(mergeId)}/undo`;
}
