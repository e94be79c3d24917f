// The contract every file format implements: read a file, yield parsed records (with the line
// they start on) or rejected rows (with line and reason). Parsers never write anything.

import type { ParsedItem } from '../records';
import type { DecimalSeparator } from '../sources/decimal';
import type { TextEncoding } from '../sources/text-source';

export interface ParseOptions {
  /** Forced encoding; sniffed from the file when absent. */
  encoding?: TextEncoding;
  /** Forced CSV delimiter; sniffed from the header when absent. */
  delimiter?: string;
  /** Forced decimal separator; with `;`-delimited files ',' is assumed. */
  decimal?: DecimalSeparator | 'auto';
  /** Called now and then with the bytes read so far (for progress bars). */
  onProgress?: (bytesRead: number) => void;
  /** The project rows are imported into (events carry it). */
  projectId: string;
  /** "Now" for parsers that need it (e.g. the receive time of imported events). */
  now: number;
}

export type FormatParser<T> = (file: string, options: ParseOptions) => AsyncGenerator<ParsedItem<T>>;
