// Report tables as CSV. The byte-order mark is there for Excel, which otherwise reads a
// BOM-less file in the machine's legacy code page and turns Chinese into mojibake.
import { stringify } from 'csv-stringify/sync';

export type CsvColumn = { key: string; header: string };
export type CsvCell = string | number | null;

export function renderCsv(columns: CsvColumn[], rows: Record<string, CsvCell>[]): Buffer {
  const text = stringify(rows, {
    bom: true,
    header: true,
    columns: columns.map(({ key, header }) => ({ key, header })),
    // RFC 4180 line ends; every spreadsheet reads them.
    record_delimiter: 'windows',
    // Quotes, commas and line breaks inside cells are quoted by csv-stringify itself.
  });
  return Buffer.from(text, 'utf8');
}
