// Customer list CSV (shop or CRM export): who the customers are, so orders and events can be
// tied to a person and segments can be built. Header names in the common English spellings
// (Shopify "Customer ID", "First Name"; WooCommerce "user_registered") and German ones
// (Kundennummer, Vorname, Nachname, E-Mail). The e-mail is yielded trimmed and lower-cased:
// the writer stores it as a keyed hash unless the project keeps addresses, and the hash must
// match however the shop capitalised it. Other columns are kept as attributes.

import type { CustomerRecord } from '../records';
import { readCsv } from '../sources/csv-records';
import { csvDialectFor, type FieldAliases, splitRecord } from './field-helpers';
import type { FormatParser } from './format';
import { parseShopDate } from './shop-date';

type CustomerField = 'customerId' | 'email' | 'firstName' | 'lastName' | 'name' | 'createdAt';

/** Header spellings per field, first match wins; compared without case and punctuation. */
export const CUSTOMER_CSV_ALIASES: FieldAliases<CustomerField> = {
  customerId: ['id', 'customer_id', 'customerid', 'user_id', 'kundennummer', 'kunden_nr', 'kundenid'],
  email: ['email', 'e-mail', 'email_address', 'e-mail-adresse', 'mail'],
  firstName: ['first_name', 'firstname', 'given_name', 'vorname'],
  lastName: ['last_name', 'lastname', 'surname', 'family_name', 'nachname'],
  name: ['name', 'full_name', 'customer_name', 'kundenname'],
  createdAt: [
    'created_at',
    'created',
    'registered',
    'registered_at',
    'user_registered',
    'date_created',
    'signup_date',
    'registrierungsdatum',
    'registriert_am',
    'angelegt_am',
    'erstellt_am',
  ],
};

// Deliberately loose (RFC 5322 allows far more): catches "foo", "foo@bar" and "a b@c.de",
// the mistakes that show up in exports, without rejecting real addresses.
const PLAUSIBLE_EMAIL =
  /^[^\s@"<>()[\],;:\\]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}\p{N}-]{2,}$/u;

/** "Anna Maria Schmidt" -> Anna Maria / Schmidt; "Schmidt, Anna" (list order) -> Anna / Schmidt. */
export function splitFullName(name: string): { firstName: string | null; lastName: string | null } {
  const comma = name.indexOf(',');
  if (comma >= 0) {
    const last = name.slice(0, comma).trim();
    const first = name.slice(comma + 1).trim();
    return { firstName: first || null, lastName: last || null };
  }
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { firstName: words[0] || null, lastName: null };
  return { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1) ?? null };
}

export function toCustomerRecord(
  record: Record<string, string>,
): { record: CustomerRecord } | { error: string } {
  const { fields, keys, attributes } = splitRecord(record, CUSTOMER_CSV_ALIASES);
  if (fields.customerId === null) return { error: 'missing id' };
  const email = fields.email?.toLowerCase() ?? null;
  if (email !== null && !PLAUSIBLE_EMAIL.test(email)) return { error: `invalid e-mail "${fields.email}"` };
  const createdAt = parseShopDate(fields.createdAt);
  if (fields.createdAt !== null && createdAt === null) {
    return { error: `created_at "${fields.createdAt}" is not a date` };
  }
  let { firstName, lastName } = fields;
  if (fields.name !== null) {
    if (firstName === null && lastName === null) ({ firstName, lastName } = splitFullName(fields.name));
    // Kept when first and last name came from their own columns: it may differ (company name).
    else attributes[keys.name ?? 'name'] = fields.name;
  }
  return { record: { customerId: fields.customerId, email, firstName, lastName, createdAt, attributes } };
}

export const parseCustomersCsv: FormatParser<CustomerRecord> = async function* (file, options) {
  const dialect = csvDialectFor(file, options);
  for await (const item of readCsv(file, dialect, options.onProgress)) {
    if ('error' in item) {
      yield item;
      continue;
    }
    const result = toCustomerRecord(item.record);
    yield 'error' in result
      ? { line: item.line, error: result.error }
      : { line: item.line, record: result.record };
  }
};
