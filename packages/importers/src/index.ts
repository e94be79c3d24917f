// Public entry of @centric/importers: file formats -> records -> store, for the CLI and the API.
export { hashEmail, normaliseEmail } from './email-hash';
export { FORMATS, parserFor, UnsupportedFormatError } from './format-registry';
export { parseGenericOrdersCsv } from './formats/orders-generic';
export { parseProductsCsv } from './formats/products-csv';
export { type ImportOptions, type ImportProgress, type ImportSummary, runImport } from './import-runner';
export { orderFacts, orderMessageId } from './order-events';
export type { OrderRecord, ProductRecord } from './records';
export { IMPORT_KINDS, type ImportFormat, type ImportKind } from './records';
