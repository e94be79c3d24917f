// Small checks that turn an untyped JSON body into typed values, throwing a readable error naming the
// field that did not fit. Every response parser in api/ is built from these.

export type JsonRecord = Record<string, unknown>;

export function asRecord(value: unknown, what: string): JsonRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${what} is not an object`);
  return value as JsonRecord;
}

export function str(record: JsonRecord, key: string): string {
  const value = record[key];
  if (typeof value !== 'string') throw new Error(`"${key}" is not a string`);
  return value;
}

export function strOrNull(record: JsonRecord, key: string): string | null {
  return record[key] === null || record[key] === undefined ? null : str(record, key);
}

export function num(record: JsonRecord, key: string): number {
  const value = record[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`"${key}" is not a number`);
  return value;
}

export function numOrNull(record: JsonRecord, key: string): number | null {
  return record[key] === null || record[key] === undefined ? null : num(record, key);
}

export function bool(record: JsonRecord, key: string): boolean {
  const value = record[key];
  if (typeof value !== 'boolean') throw new Error(`"${key}" is not a boolean`);
  return value;
}

/** The array at `key`, each entry checked by `parse`. */
export function list<T>(record: JsonRecord, key: string, parse: (entry: unknown) => T): T[] {
  const value = record[key];
  if (!Array.isArray(value)) throw new Error(`"${key}" is not an array`);
  return value.map(parse);
}

export function strList(record: JsonRecord, key: string): string[] {
  return list(record, key, (entry) => {
    if (typeof entry !== 'string') throw new Error(`"${key}" holds a value that is not a string`);
    return entry;
  });
}

/** A `{ name: number }` map, e.g. rows per table. */
export function numberMap(record: JsonRecord, key: string): Record<string, number> {
  const map = asRecord(record[key], `"${key}"`);
  const out: Record<string, number> = {};
  for (const name of Object.keys(map)) out[name] = num(map, name);
  return out;
}

/** A `{ name: string }` map, e.g. KPI definitions. */
export function stringMap(record: JsonRecord, key: string): Record<string, string> {
  const map = asRecord(record[key], `"${key}"`);
  const out: Record<string, string> = {};
  for (const name of Object.keys(map)) out[name] = str(map, name);
  return out;
}
