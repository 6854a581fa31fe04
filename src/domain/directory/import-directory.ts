// CSV import of regions, staff or customers: every row is validated (shape, then
// references to regions and managers), and either every row is imported in one
// transaction or none is, with a line-numbered report of what is wrong.
import { inTransaction } from '../../db/transaction.ts';
import type { Deps } from '../deps.ts';
import { readCsvRecords, type ImportProblem } from '../csv-records.ts';
import { recordAudit } from '../audit.ts';
import { directoryRowSchemas, type DirectoryKind } from './directory-rows.ts';
import { z } from 'zod';
import { customerNameColumns } from './name-search-keys.ts';

export type { ImportProblem };
export type ImportResult =
  | { ok: true; kind: DirectoryKind; created: number; updated: number }
  | { ok: false; kind: DirectoryKind; problems: ImportProblem[] };

type Parsed<K extends DirectoryKind> = { line: number; row: z.infer<(typeof directoryRowSchemas)[K]> };

export async function importDirectory(deps: Deps, input: { kind: DirectoryKind; csv: string; actorId: string }): Promise<ImportResult> {
  const { kind } = input;
  const read = readCsvRecords(input.csv);
  if (!read.ok) return { ok: false, kind, problems: [read.problem] };
  const { records } = read;

  const problems: ImportProblem[] = [];
  const parsed: Parsed<DirectoryKind>[] = [];
  for (const { record, line } of records) {
    const result = directoryRowSchemas[kind].safeParse(record);
    if (result.success) parsed.push({ line, row: result.data });
    else for (const issue of result.error.issues) problems.push({ line, column: issue.path.join('.') || undefined, message: issue.message });
  }
  // References are checked on every row, even one with other mistakes, so one report lists them all.
  problems.push(...findDuplicates(kind, parsed), ...(await findBrokenReferences(deps, kind, records)));
  if (problems.length > 0) return { ok: false, kind, problems: problems.sort((a, b) => a.line - b.line) };

  return inTransaction(deps.db, async (tx) => {
    let created = 0;
    for (const { row } of parsed) {
      const wasNew = await upsertRow(tx, kind, row);
      if (wasNew) created++;
    }
    await recordAudit({ db: tx, clock: deps.clock }, { actorId: input.actorId, action: 'directory.imported', subject: `directory:${kind}`, detail: { rows: parsed.length, created } });
    return { ok: true as const, kind, created, updated: parsed.length - created };
  }, { timeout: 60_000 });
}

function keyOf(kind: DirectoryKind, row: Parsed<DirectoryKind>['row']): string {
  if (kind === 'staff') return (row as Parsed<'staff'>['row']).slack_user_id;
  return (row as Parsed<'regions' | 'customers'>['row']).code;
}

function findDuplicates(kind: DirectoryKind, parsed: Parsed<DirectoryKind>[]): ImportProblem[] {
  const firstLine = new Map<string, number>();
  const problems: ImportProblem[] = [];
  for (const { line, row } of parsed) {
    const key = keyOf(kind, row);
    const seen = firstLine.get(key);
    if (seen !== undefined) problems.push({ line, message: `repeats ${key} from line ${seen}` });
    else firstLine.set(key, line);
  }
  return problems;
}

async function findBrokenReferences(deps: Deps, kind: DirectoryKind, records: { record: Record<string, string>; line: number }[]): Promise<ImportProblem[]> {
  if (kind === 'regions') return [];
  const regions = new Set((await deps.db.region.findMany({ select: { code: true } })).map((r) => r.code));
  const staff = new Set((await deps.db.staff.findMany({ select: { slackUserId: true } })).map((s) => s.slackUserId));
  const problems: ImportProblem[] = [];
  for (const { line, record } of records) {
    const region = record.region?.trim().toUpperCase();
    if (region && !regions.has(region)) problems.push({ line, column: 'region', message: `names region ${region}, which does not exist` });
    const manager = record.account_manager?.trim();
    if (kind === 'customers' && manager && !staff.has(manager)) {
      problems.push({ line, column: 'account_manager', message: `names ${manager}, who is not registered staff` });
    }
  }
  return problems;
}

async function upsertRow(tx: Deps['db'], kind: DirectoryKind, row: Parsed<DirectoryKind>['row']): Promise<boolean> {
  if (kind === 'regions') {
    const r = row as Parsed<'regions'>['row'];
    const data = { name: r.name, ticketChannelId: r.ticket_channel ?? null, crossRegionChannelId: r.cross_region_channel ?? null, supervisorChannelId: r.supervisor_channel ?? null };
    const existing = await tx.region.findUnique({ where: { code: r.code }, select: { code: true } });
    await tx.region.upsert({ where: { code: r.code }, create: { code: r.code, ...data }, update: data });
    return !existing;
  }
  if (kind === 'staff') {
    const s = row as Parsed<'staff'>['row'];
    const data = { name: s.name, role: s.role, grade: s.grade ?? null, regionCode: s.region ?? null, timezone: s.timezone ?? null, active: true };
    const existing = await tx.staff.findUnique({ where: { slackUserId: s.slack_user_id }, select: { slackUserId: true } });
    await tx.staff.upsert({ where: { slackUserId: s.slack_user_id }, create: { slackUserId: s.slack_user_id, ...data }, update: data });
    return !existing;
  }
  const c = row as Parsed<'customers'>['row'];
  const data = {
    ...customerNameColumns(c.name), kind: c.kind, cardTier: c.card_tier ?? null, groupClass: c.group_class ?? null, serviceLevel: c.service_level ?? null,
    regionCode: c.region, accountManagerId: c.account_manager ?? null, phone: c.phone ?? null, joinedOn: c.joined_on ?? null, birthday: c.birthday ?? null,
  };
  const existing = await tx.customer.findUnique({ where: { code: c.code }, select: { code: true } });
  await tx.customer.upsert({ where: { code: c.code }, create: { code: c.code, ...data }, update: data });
  return !existing;
}
