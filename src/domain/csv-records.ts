// A CSV an admin imports, read into records by header (trimmed, lower-case) with the line
// each came from, or the one problem that stops the import before any row is looked at:
// not CSV at all, or no rows. Shared by the directory and the work-calendar imports.
import { parse } from 'csv-parse/sync';

export type ImportProblem = { line: number; column?: string; message: string };
export type CsvRecord = { record: Record<string, string>; line: number };

export function readCsvRecords(csv: string): { ok: true; records: CsvRecord[] } | { ok: false; problem: ImportProblem } {
  let records: CsvRecord[];
  try {
    const rows: { record: Record<string, string>; info: { lines: number } }[] = parse(csv.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      info: true,
    });
    records = rows.map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (error) {
    return { ok: false, problem: { line: (error as { lines?: number }).lines ?? 1, message: `is not valid CSV: ${(error as Error).message}` } };
  }
  if (records.length === 0) return { ok: false, problem: { line: 1, message: 'the file has no rows' } };
  return { ok: true, records };
}
