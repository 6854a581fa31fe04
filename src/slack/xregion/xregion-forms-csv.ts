// The audit export as a CSV that a spreadsheet opens correctly: UTF-8 with a byte-order
// mark (Excel reads BOM-less UTF-8 as the local code page and garbles Chinese), CRLF
// line ends, one row per form version, headers in the requester's language, times in
// their zone. Every row names the request's member and regions; a reply row also says
// whether the reply came in time. Cells that a spreadsheet would run as a formula are neutralised.
import { stringify } from 'csv-stringify/sync';
import type { ExportedForms } from '../../domain/xregion/export-forms.ts';
import { formatLocalDateTime } from '../../domain/local-time.ts';
import { tPlain, type Locale, type MessageKey } from '../../i18n/catalog.ts';
import { replyLateness, resultLabel, serviceLabel, tierLabel } from './format.ts';

export const csvColumns = [
  ['form', 'xregion.csv.form'],
  ['number', 'xregion.label.number'],
  ['version', 'xregion.csv.version'],
  ['submittedAt', 'xregion.csv.submitted_at'],
  ['submittedBy', 'xregion.csv.submitted_by'],
  ['openedAt', 'xregion.csv.opened_at'],
  ['openedBy', 'xregion.csv.opened_by'],
  ['memberNumber', 'xregion.label.member_number'],
  ['memberName', 'xregion.label.member_name'],
  ['cardTier', 'xregion.label.card_tier'],
  ['homeRegion', 'xregion.label.home_region'],
  ['servingRegion', 'xregion.label.serving_region'],
  ['service', 'xregion.label.service'],
  ['description', 'xregion.label.description'],
  ['contactPhone', 'xregion.label.contact_phone'],
  ['verifiedBy', 'xregion.label.verified_by'],
  ['replyDeadline', 'xregion.label.deadline'],
  ['result', 'xregion.label.result'],
  ['reason', 'xregion.label.reason'],
  ['actionsTaken', 'xregion.label.actions_taken'],
  ['handledBy', 'xregion.label.handled_by'],
  ['handledAt', 'xregion.label.handled_at'],
  ['replyTimeliness', 'xregion.csv.reply_timeliness'],
  ['notes', 'xregion.label.notes'],
] as const satisfies readonly (readonly [string, MessageKey])[];

type Column = (typeof csvColumns)[number][0];
export type CsvRow = Partial<Record<Column, string>>;

const byteOrderMark = '\uFEFF';
// Their headers name the zone, so the file explains itself away from Slack.
const timeColumns = new Set<Column>(['submittedAt', 'openedAt', 'replyDeadline', 'handledAt']);

/** Spreadsheets run a cell starting with = + - @ (or a tab/CR) as a formula; a leading ' keeps it text. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function formsCsvRows(forms: ExportedForms, reader: { locale: Locale; timeZone: string }): CsvRow[] {
  const { locale, timeZone } = reader;
  const time = (at: Date) => formatLocalDateTime(at, timeZone);
  const person = (id: string) => {
    const name = forms.staffNames.get(id);
    return name && name !== id ? `${name} (${id})` : id;
  };
  const region = (code: string) => forms.regionNames.get(code) ?? code;
  const common = (form: ExportedForms['acceptance'][number] | ExportedForms['replies'][number]) => ({
    number: form.request.number,
    version: String(form.version),
    submittedAt: time(form.submittedAt),
    submittedBy: person(form.submittedById),
    openedAt: time(form.request.openedAt),
    openedBy: person(form.request.openedById),
  });
  const acceptance: CsvRow[] = forms.acceptance.map((form) => ({
    form: tPlain(locale, 'xregion.csv.form_acceptance'),
    ...common(form),
    memberNumber: form.memberNumber,
    memberName: form.memberName,
    cardTier: tierLabel(locale, form.cardTier),
    homeRegion: region(form.homeRegionCode),
    servingRegion: region(form.servingRegionCode),
    service: serviceLabel(locale, form.service),
    description: form.description,
    contactPhone: form.contactPhone,
    verifiedBy: form.verifiedBy ?? '',
    replyDeadline: time(form.replyDeadline),
  }));
  const replies: CsvRow[] = forms.replies.map((form) => {
    const { request } = form;
    const late = replyLateness(locale, request);
    const member = request.acceptanceForms[0];
    return {
      form: tPlain(locale, 'xregion.csv.form_reply'),
      ...common(form),
      // The member and both regions on every row, so an auditor need not join rows by hand.
      memberNumber: member?.memberNumber ?? '',
      memberName: member?.memberName ?? '',
      homeRegion: region(request.homeRegionCode),
      servingRegion: region(request.servingRegionCode),
      replyDeadline: time(request.replyDeadline),
      result: resultLabel(locale, form.result),
      reason: form.reason ?? '',
      actionsTaken: form.actionsTaken,
      handledBy: form.handledBy,
      handledAt: time(form.handledAt),
      replyTimeliness: late ? tPlain(locale, 'xregion.csv.replied_late', { late }) : tPlain(locale, 'xregion.csv.replied_on_time'),
      notes: form.notes ?? '',
    };
  });
  // Each request's forms together, acceptance before reply, versions in order.
  return [...acceptance, ...replies].sort((a, b) => (a.number! < b.number! ? -1 : a.number! > b.number! ? 1 : 0));
}

export function formsCsv(forms: ExportedForms, reader: { locale: Locale; timeZone: string }): Buffer {
  const header = csvColumns.map(([key, label]) => `${tPlain(reader.locale, label)}${timeColumns.has(key) ? ` (${reader.timeZone})` : ''}`);
  const rows = formsCsvRows(forms, reader).map((row) => csvColumns.map(([key]) => neutraliseFormula(row[key] ?? '')));
  return Buffer.from(byteOrderMark + stringify([header, ...rows], { record_delimiter: 'windows' }), 'utf8');
}
