// Typed calls for the API routes the dashboard uses, with the response checks that keep bad data out of the UI.
import { apiGet } from './client';
import { asRecord, num, numOrNull, str } from './validate';

export interface Me {
  projectId: string;
  projectName: string;
}

export interface DayCount {
  day: string;
  events: number;
}

export interface Overview {
  from: string;
  to: string;
  events: number;
  visitors: number;
  sessions: number;
  orders: number;
  revenue: number;
  currency: string | null;
  /** Fraction of sessions with an order; null is tolerated because an empty range has no sessions to divide by. */
  conversionRate: number | null;
  averageOrderValue: number | null;
  eventsPerDay: DayCount[];
}

export function parseMe(body: unknown): Me {
  const record = asRecord(body, 'body');
  return { projectId: str(record, 'projectId'), projectName: str(record, 'projectName') };
}

export function parseOverview(body: unknown): Overview {
  const record = asRecord(body, 'body');
  const perDay = record.eventsPerDay;
  if (!Array.isArray(perDay)) throw new Error('"eventsPerDay" is not an array');
  const currency = record.currency;
  return {
    from: str(record, 'from'),
    to: str(record, 'to'),
    events: num(record, 'events'),
    visitors: num(record, 'visitors'),
    sessions: num(record, 'sessions'),
    orders: num(record, 'orders'),
    revenue: num(record, 'revenue'),
    currency: typeof currency === 'string' && currency !== '' ? currency : null,
    conversionRate: numOrNull(record, 'conversionRate'),
    averageOrderValue: numOrNull(record, 'averageOrderValue'),
    eventsPerDay: perDay.map((entry: unknown) => {
      const day = asRecord(entry, 'eventsPerDay entry');
      return { day: str(day, 'day'), events: num(day, 'events') };
    }),
  };
}

/** Checks a secret key and tells which project it belongs to. */
export function fetchMe(secretKey: string, signal?: AbortSignal): Promise<Me> {
  return apiGet('/v1/me', secretKey, parseMe, signal);
}

export function overviewPath(from: string, to: string): string {
  const query = new URLSearchParams({ from, to });
  return `/v1/query/overview?${query.toString()}`;
}

/** What the project's data is made of, when it holds the demo. */
export interface DemoInfo {
  loadedAt: string;
  shiftWeeks: number;
  orders: number;
  simulatedEvents: number;
}

export function parseDemoInfo(body: unknown): DemoInfo | null {
  const demo = asRecord(body, 'body').demo;
  if (demo === undefined || demo === null) return null;
  const record = asRecord(demo, 'demo');
  return {
    loadedAt: str(record, 'loadedAt'),
    shiftWeeks: num(record, 'shiftWeeks'),
    orders: num(record, 'orders'),
    simulatedEvents: num(record, 'simulatedEvents'),
  };
}
