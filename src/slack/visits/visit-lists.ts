// `/visit list` and `/visit history` answers. History pages are replaced in place
// through the response URL; each visit the reader logged carries an Edit button.
import type { KnownBlock } from '@slack/types';
import { t, tPlain, type Locale, type Mrkdwn } from '../../i18n/catalog.ts';
import { joinMrkdwn, markup, md } from '../../i18n/mrkdwn.ts';
import { fromDbDate } from '../../domain/local-time.ts';
import type { VisitHistory, VisitList, VisitSummary } from '../../domain/visits/visit-views.ts';
import type { Reply } from '../edge/answer-privately.ts';
import { visitIds } from '../ids.ts';
import { context, header, section, truncate } from '../kit/text.ts';
import { button, customerLabel, nextContactParams, whenText } from './visit-text.ts';

const summaryShown = 600;

function visitText(locale: Locale, visit: VisitSummary, timeZone: string, withCustomer: boolean): Mrkdwn {
  const details = [
    visit.metWith ? t(locale, 'visit.detail.met_with', { name: visit.metWith }) : null,
    visit.purposes.length ? t(locale, 'visit.detail.purposes', { list: visit.purposes.map((p) => tPlain(locale, `visit.purpose.${p}`)).join(locale === 'en' ? ', ' : '、') }) : null,
    visit.satisfaction ? t(locale, 'visit.detail.satisfaction', { score: visit.satisfaction }) : null,
    visit.nextFollowUpOn ? t(locale, 'visit.detail.next', { date: fromDbDate(visit.nextFollowUpOn) }) : null,
    visit.version > 1 ? t(locale, 'visit.detail.edited', { version: visit.version }) : null,
  ].filter((d): d is Mrkdwn => d !== null);
  const main = t(locale, 'visit.line', {
    when: whenText(visit.occurredAt, timeZone),
    kind: tPlain(locale, `visit.kind.${visit.kind}`),
    customer: withCustomer ? customerLabel(visit.customer) : visit.customer.code,
    author: visit.authorId,
    summary: truncate(visit.summary, summaryShown),
  });
  return details.length ? md`${markup(main)}\n_${markup(joinMrkdwn(details, ' · '))}_` : main;
}

export function visitListMessage(locale: Locale, list: VisitList, timeZone: string): Reply {
  const period = { from: list.period.from, to: list.period.to };
  const title =
    list.scope.kind === 'mine'
      ? tPlain(locale, 'visit.list.mine', period)
      : list.scope.kind === 'customer'
        ? tPlain(locale, 'visit.list.customer', { ...period, customer: customerLabel(list.scope) })
        : tPlain(locale, 'visit.list.manager', { ...period, name: list.scope.name });
  const blocks: KnownBlock[] = [header(title)];
  if (list.visits.length === 0) blocks.push(section(t(locale, 'visit.list.empty')));
  for (const visit of list.visits) blocks.push(section(visitText(locale, visit, timeZone, true)));
  if (list.total > list.visits.length) blocks.push(context(t(locale, 'visit.list.more', { shown: list.visits.length, total: list.total })));
  return { text: md`${title}`, blocks };
}

export function visitHistoryMessage(locale: Locale, history: VisitHistory, viewer: { userId: string; timeZone: string }): Reply {
  const title = tPlain(locale, 'visit.history.title', { customer: customerLabel(history.customer) });
  const blocks: KnownBlock[] = [header(title), context(t(locale, 'visit.history.next', nextContactParams(locale, history.nextContact)))];
  if (history.total === 0) blocks.push(section(t(locale, 'visit.history.empty')));
  for (const visit of history.visits) {
    const block = section(visitText(locale, visit, viewer.timeZone, false));
    if (visit.authorId === viewer.userId) block.accessory = button(tPlain(locale, 'visit.edit_button'), visitIds.edit, String(visit.id));
    blocks.push(block);
  }
  if (history.total > 0) {
    blocks.push(context(t(locale, 'visit.history.page', { page: history.page + 1, pages: history.pageCount, total: history.total })));
  }
  const page = (p: number) => JSON.stringify({ customer: history.customer.code, page: p });
  const nav = [
    ...(history.page > 0 ? [button(tPlain(locale, 'visit.history.newer'), visitIds.historyNewer, page(history.page - 1))] : []),
    ...(history.page + 1 < history.pageCount ? [button(tPlain(locale, 'visit.history.older'), visitIds.historyOlder, page(history.page + 1))] : []),
  ];
  if (nav.length) blocks.push({ type: 'actions', elements: nav });
  return { text: md`${title}`, blocks };
}
