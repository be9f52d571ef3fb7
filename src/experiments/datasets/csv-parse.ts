/**
 * A small CSV reader (RFC 4180: comma separated, fields may be double-quoted with `""` for a quote,
 * LF or CRLF line ends). Each row keeps its 1-based line number and the byte offset where it
 * starts, so a bad value can be reported by file, line and byte.
 */
import { DatasetError } from '../errors.js';

/** One parsed row. */
export interface CsvRow {
  readonly fields: readonly string[];
  /** 1-based line number of the row's first line. */
  readonly line: number;
  /** Byte offset of the row's first character in the file. */
  readonly offset: number;
}

/** Parses CSV bytes into rows, skipping blank lines. Unterminated quotes are a {@link DatasetError}. */
export function parseCsv(bytes: Uint8Array, file: string): CsvRow[] {
  const text = new TextDecoder('utf-8').decode(bytes);
  const encoder = new TextEncoder();
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  let rowStart = 0;
  let byte = 0;
  let blank = true;
  let quoteLine = 0;
  let quoteOffset = 0;
  const endRow = (): void => {
    fields.push(field);
    if (!(blank && fields.length === 1 && fields[0] === '')) rows.push({ fields, line: rowLine, offset: rowStart });
    fields = [];
    field = '';
    blank = true;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const size = ch.charCodeAt(0) < 0x80 ? 1 : encoder.encode(ch).length;
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
        byte += 1;
      } else if (ch === '"') inQuotes = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') {
      inQuotes = true;
      blank = false;
      quoteLine = line;
      quoteOffset = byte;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      blank = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') {
        i++;
        byte += 1;
      }
      endRow();
      line++;
      rowLine = line;
      rowStart = byte + size;
    } else {
      field += ch;
      blank = false;
    }
    byte += size;
  }
  if (inQuotes) throw new DatasetError(`unterminated quoted field opened on line ${quoteLine}`, file, quoteOffset);
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}
