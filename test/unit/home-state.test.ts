// Home paging state read back from Slack: only what the bot wrote is accepted, and an
// unreadable private_metadata means "first pages" rather than an error on the Home.
import { describe, expect, it } from 'vitest';
import { countdownTo } from '../../src/domain/home/countdown.ts';
import { clampPage, pageOf } from '../../src/domain/home/home-page.ts';
import { decodeHomePages, encodeHomePages, encodePageButton, homePageButton } from '../../src/slack/home/home-state.ts';
import { readCarried } from '../../src/slack/edge/slack-values.ts';

describe('home paging state', () => {
  it('round-trips pages and buttons', () => {
    expect(decodeHomePages(encodeHomePages({ approvals: 3, follow_ups: 2 }))).toEqual({ approvals: 3, follow_ups: 2 });
    expect(readCarried(homePageButton, encodePageButton('region_overdue', 5))).toEqual({ section: 'region_overdue', page: 5 });
  });

  it('treats unreadable or foreign metadata as first pages', () => {
    for (const raw of [undefined, '', 'not json', '{"pages":{"approvals":0}}', '{"pages":{"nonsense":2}}', '[]']) {
      expect(decodeHomePages(raw)).toEqual({});
    }
  });

  it('refuses a button value the bot never rendered', () => {
    for (const raw of ['{"s":"approvals","p":-1}', '{"s":"tickets_of_mars","p":2}', '{"s":"__proto__","p":2}', '7', 'not json', undefined]) {
      expect(readCarried(homePageButton, raw)).toBeNull();
    }
  });
});

describe('pages', () => {
  it('clamps to the pages that exist', () => {
    expect(clampPage({ page: 1, size: 8 }, 0)).toEqual({ page: 1, pages: 1, skip: 0 });
    expect(clampPage({ page: 63, size: 8 }, 500)).toEqual({ page: 63, pages: 63, skip: 496 });
    expect(clampPage({ page: 99, size: 8 }, 500)).toEqual({ page: 63, pages: 63, skip: 496 });
    expect(clampPage({ page: 0, size: 8 }, 500)).toEqual({ page: 1, pages: 63, skip: 0 });
  });

  it('slices a list worked out in memory', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(pageOf(items, { page: 3, size: 8 })).toEqual({ items: [16, 17, 18, 19], total: 20, page: 3, pages: 3 });
  });
});

describe('restore countdown', () => {
  const deadline = new Date('2026-11-23T03:20:00Z');
  it('counts whole minutes left, rounding down, and minutes over, rounding up', () => {
    expect(countdownTo(deadline, new Date('2026-11-23T02:00:00Z'))).toEqual({ overdue: false, hours: 1, minutes: 20 });
    expect(countdownTo(deadline, new Date('2026-11-23T03:19:00.500Z'))).toEqual({ overdue: false, hours: 0, minutes: 0 });
    expect(countdownTo(deadline, deadline)).toEqual({ overdue: false, hours: 0, minutes: 0 }); // met up to its instant
    expect(countdownTo(deadline, new Date('2026-11-23T03:20:00.001Z'))).toEqual({ overdue: true, hours: 0, minutes: 1 });
    expect(countdownTo(deadline, new Date('2026-11-23T05:55:00Z'))).toEqual({ overdue: true, hours: 2, minutes: 35 });
  });
});
