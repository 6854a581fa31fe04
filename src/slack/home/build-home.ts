// The Home tab of one person, built fresh from the database: who they are, then each
// section of their role with a page of items, a count, and "more…" / back buttons.
// A section shows at most HOME_PAGE_SIZE items, so the tab stays far inside Slack's
// 100-block limit however much is open; the cap below is the last line of defence.
import type { AnyBlock, Button } from '@slack/types';
import { listAdminIds } from '../../domain/directory/find-staff.ts';
import { findStaff } from '../../domain/directory/find-staff.ts';
import { localDateOf } from '../../domain/local-time.ts';
import { t, tPlain, type Locale, type Mrkdwn, type PlainText } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import { mentions, slackDate } from '../kit/mrkdwn.ts';
import { context, divider, header, plainText, section } from '../kit/text.ts';
import { homeIds } from '../ids.ts';
import type { HomeView } from '../sender.ts';
import { homeSections, type HomeSection, type Viewer } from './home-sections.ts';
import { encodeHomePages, encodePageButton, type HomePages } from './home-state.ts';

export const homeBlockLimit = 100;

/** The "Updated …" line: the only part of a Home that differs between two builds of the same state. */
export const homeStampBlockId = 'home.stamp';

export async function buildHome(ctx: BotContext, input: { userId: string; locale: Locale; timeZone: string; pages?: HomePages; notice?: Mrkdwn | null }): Promise<HomeView> {
  const { locale } = input;
  const now = ctx.clock.now();
  const notice = input.notice ? [section(input.notice)] : [];
  const staff = await findStaff(ctx, input.userId);
  if (!staff || !staff.active) {
    const adminIds = await listAdminIds(ctx);
    const admins = adminIds.length > 0 ? mentions(adminIds, locale === 'en' ? ', ' : '、') : tPlain(locale, 'common.your_admin');
    return { type: 'home', blocks: [header(tPlain(locale, 'home.unregistered_title')), ...notice, section(t(locale, 'home.unregistered', { admins }))] };
  }

  const viewer: Viewer = { staff, locale, timeZone: input.timeZone, today: localDateOf(now, input.timeZone) };
  const pages: HomePages = {};
  const blocks: AnyBlock[] = [
    header(tPlain(locale, 'home.title')),
    context(t(locale, 'home.whoami', { name: staff.name, role: tPlain(locale, `role.${staff.role}`), region: staff.region?.name ?? '—' })),
    // Its own block: the refresher compares views without it (an unchanged Home is not republished).
    { ...context(t(locale, 'home.updated', { when: slackDate(now, input.timeZone) })), block_id: homeStampBlockId },
    ...notice,
  ];
  const shown = homeSections.filter((s) => s.shows(staff));
  for (const spec of shown) {
    const size = ctx.config.home.pageSize;
    const loaded = await spec.load(ctx, viewer, { page: input.pages?.[spec.key] ?? 1, size });
    if (loaded.page > 1) pages[spec.key] = loaded.page;
    blocks.push(...sectionBlocks(locale, spec, loaded));
  }
  if (shown.length === 0) blocks.push(section(t(locale, 'home.nothing_for_role')));
  return { type: 'home', blocks: blocks.slice(0, homeBlockLimit), private_metadata: encodeHomePages(pages) };
}

function sectionBlocks(locale: Locale, spec: HomeSection, loaded: Awaited<ReturnType<HomeSection['load']>>): AnyBlock[] {
  const blocks: AnyBlock[] = [divider(), { ...header(tPlain(locale, spec.title)), block_id: `home.${spec.key}.title` }];
  if (loaded.total === 0) return [...blocks, { ...context(t(locale, 'home.empty')), block_id: `home.${spec.key}.empty` }];
  blocks.push({ ...context(t(locale, 'home.count', { total: loaded.total, page: loaded.page, pages: loaded.pages })), block_id: `home.${spec.key}.count` });
  blocks.push(...loaded.blocks);
  const paging: Button[] = [];
  if (loaded.page > 1) paging.push(pageButton(tPlain(locale, 'home.back'), homeIds.previousPage, encodePageButton(spec.key, loaded.page - 1)));
  if (loaded.page < loaded.pages) paging.push(pageButton(tPlain(locale, 'home.more'), homeIds.nextPage, encodePageButton(spec.key, loaded.page + 1)));
  if (paging.length > 0) blocks.push({ type: 'actions', block_id: `home.${spec.key}.paging`, elements: paging });
  return blocks;
}

const pageButton = (text: PlainText, actionId: string, value: string): Button => ({ type: 'button', action_id: actionId, value, text: plainText(text, 75) });
