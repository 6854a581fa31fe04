// One page of `/xregion find` results, with buttons to the neighbouring pages. The
// button value carries the query and page so the next page is found the same way.
import { maskNumber } from '../../domain/privacy/mask-number.ts';
import type { ActionsBlock, Button } from '@slack/types';
import type { findCrossRegionRequests } from '../../domain/xregion/find-requests.ts';
import { t, tPlain, type Locale } from '../../i18n/catalog.ts';
import { joinMrkdwn } from '../../i18n/mrkdwn.ts';
import type { Reply } from '../edge/answer-privately.ts';
import { xregionIds } from '../ids.ts';
import { plainText, section, truncate } from '../kit/text.ts';
import { replyLateness, serviceLabel, slackTime, statusLabel } from './format.ts';

type Found = Awaited<ReturnType<typeof findCrossRegionRequests>>;

export function findResultsMessage(locale: Locale, query: string, found: Found, timeZone: string): Reply {
  if (found.total === 0) return { text: t(locale, 'xregion.find.none', { query: query }) };
  const headerText = t(locale, 'xregion.find.header', { query: query, total: found.total, page: found.page, pages: found.pages });
  const region = (code: string) => found.regionNames.get(code) ?? code;
  const status = (item: Found['items'][number]) => {
    const late = replyLateness(locale, item);
    return late ? tPlain(locale, 'xregion.find.status_late', { status: statusLabel(locale, item.status), late }) : statusLabel(locale, item.status);
  };
  const lines = found.items.map((item) =>
    t(locale, 'xregion.find.line', {
      number: item.number,
      status: status(item),
      member: item.acceptance.memberName,
      memberNumber: maskNumber(item.acceptance.memberNumber),
      service: serviceLabel(locale, item.acceptance.service),
      serving: region(item.servingRegionCode),
      home: region(item.homeRegionCode),
      opened: slackTime(item.openedAt, timeZone),
    }),
  );
  const buttons: Button[] = [];
  const pageButton = (page: number, label: 'xregion.find.previous' | 'xregion.find.next'): Button => ({
    type: 'button',
    action_id: label === 'xregion.find.next' ? xregionIds.findNextPage : xregionIds.findPreviousPage,
    text: plainText(tPlain(locale, label), 75),
    value: JSON.stringify({ q: truncate(query, 500), p: page }),
  });
  if (found.page > 1) buttons.push(pageButton(found.page - 1, 'xregion.find.previous'));
  if (found.page < found.pages) buttons.push(pageButton(found.page + 1, 'xregion.find.next'));
  return {
    text: headerText,
    blocks: [section(headerText), section(joinMrkdwn(lines, '\n')), ...(buttons.length > 0 ? [{ type: 'actions', elements: buttons } satisfies ActionsBlock] : [])],
  };
}
