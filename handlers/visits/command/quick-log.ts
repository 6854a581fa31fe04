// `/visit CUSTOMER KIND SUMMARY…` logs a contact at once, e.g. `/visit C0001 phone
// Called about the new line`, `/visit 周文华 电话 沟通续约` or `/visit 周文华 电话沟通续约`. The
// customer may be several words (a Latin name), so the first kind word after it ends the
// customer's name.
import { requireStaff } from '../../../src/domain/directory/find-staff.ts';
import { resolveCustomer } from '../../../src/domain/visits/find-customers.ts';
import { logVisit } from '../../../src/domain/visits/log-visit.ts';
import type { VisitKind } from '../../../src/generated/prisma/enums.ts';
import { DomainError } from '../../../src/errors.ts';
import { lookupWord } from '../../../src/slack/edge/slack-values.ts';
import { tPlain } from '../../../src/i18n/catalog.ts';
import { savedText, button } from '../../../src/slack/visits/visit-text.ts';
import { section } from '../../../src/slack/kit/text.ts';
import { visitIds } from '../../../src/slack/ids.ts';
import { timeZoneOf } from '../../../src/slack/time-zone.ts';
import type { Subcommand } from '../../subcommand.ts';

const kindWords: Record<string, VisitKind> = {
  phone: 'phone',
  call: 'phone',
  电话: 'phone',
  onsite: 'on_site',
  'on-site': 'on_site',
  visit: 'on_site',
  上门: 'on_site',
  走访: 'on_site',
  callback: 'callback_survey',
  回访: 'callback_survey',
  event: 'club_event',
  活动: 'club_event',
};

// Chinese is typed without spaces: `电话沟通续约` is the kind word 电话 and the note 沟通续约.
const gluedKindWords = Object.keys(kindWords).filter((word) => /^\p{Script=Han}+$/u.test(word));
const gluedNoteStart = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const leadingPunctuation = /^[\s:：,，、.。\-—]+/u;

type Match = { at: number; kind: VisitKind; note: string };

/** Reads the command's text as typed (the /visit listener has undone Slack's escaping once). */
export function parseQuickVisit(text: string): { customer: string; kind: VisitKind; summary: string } | null {
  const words = [...text.matchAll(/\S+/g)];
  const match = separateKindWord(text, words) ?? gluedKindWord(text, words);
  if (!match) return null;
  const summary = match.note.replace(leadingPunctuation, '').trim();
  if (!summary) return null;
  return { customer: text.slice(0, match.at).trim(), kind: match.kind, summary };
}

/** The first word after the customer that is a kind word by itself (`C0001 phone …`, `周文华 电话 …`). */
function separateKindWord(text: string, words: RegExpExecArray[]): Match | null {
  const i = words.findIndex((w, n) => n > 0 && lookupWord(kindWords, w[0].toLowerCase()) !== undefined);
  if (i < 0) return null;
  const word = words[i]!;
  return { at: word.index, kind: lookupWord(kindWords, word[0].toLowerCase())!, note: text.slice(word.index + word[0].length) };
}

/** Else the first word that starts with a Chinese kind word followed by Chinese text (`周文华 电话沟通续约`). */
function gluedKindWord(text: string, words: RegExpExecArray[]): Match | null {
  for (const word of words.slice(1)) {
    const kindWord = gluedKindWords.find((k) => word[0].startsWith(k) && gluedNoteStart.test(word[0].slice(k.length)));
    if (kindWord) return { at: word.index, kind: kindWords[kindWord]!, note: text.slice(word.index + kindWord.length) };
  }
  return null;
}

export const quickLogVisit: Subcommand = async (ctx, { userId, text, locale }) => {
  const parsed = parseQuickVisit(text);
  if (!parsed) throw new DomainError('visit_quick_usage');
  const staff = await requireStaff(ctx, userId);
  const customer = await resolveCustomer(ctx, staff, parsed.customer);
  const saved = await logVisit(ctx, {
    actorId: userId,
    fields: { customerCode: customer.code, kind: parsed.kind, occurredAt: ctx.clock.now(), summary: parsed.summary },
    timeZone: await timeZoneOf(ctx, userId),
    source: 'quick',
    policy: ctx.config.visits.policy,
  });
  ctx.outbox.kick();
  const reply = savedText(locale, saved);
  const block = section(reply);
  block.accessory = button(tPlain(locale, 'visit.add_details'), visitIds.edit, String(saved.visitId), 'primary');
  return { text: reply, blocks: [block] };
};
