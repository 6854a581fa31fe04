// The one place where people's text becomes mrkdwn: t() and md`…` escape every value,
// the bot's own markup goes in only as Markup, and the types refuse the two mistakes
// (a raw string in a mrkdwn block, a finished Mrkdwn escaped a second time).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t, tPlain } from '../../src/i18n/catalog.ts';
import { dateToken, escapeMrkdwn, joinMrkdwn, markup, md, mention, mentions, truncateMrkdwn, userGroupMention, type Mrkdwn } from '../../src/i18n/mrkdwn.ts';
import { slackDate, typedText } from '../../src/slack/kit/mrkdwn.ts';
import { context, header, mrkdwnText, plainText, section } from '../../src/slack/kit/text.ts';

const nasty = '<!channel> <!here> <@U0DEMOSUP1> <https://x.example|y> &lt;!channel&gt;';
const nastyEscaped = '&lt;!channel&gt; &lt;!here&gt; &lt;@U0DEMOSUP1&gt; &lt;https://x.example|y&gt; &amp;lt;!channel&amp;gt;';

describe('filling mrkdwn', () => {
  it('escapes every text value t() fills in, once, and keeps the template as it is', () => {
    expect(t('en', 'ticket.msg.description', { description: nasty })).toBe(`*Fault*\n${nastyEscaped}`);
    expect(t('en', 'ticket.list.footer', { page: 1, pages: 2, total: 3 })).not.toContain('&');
  });

  it('keeps the bot’s own markup: mentions built from ids, date tokens, finished mrkdwn', () => {
    const at = new Date('2026-11-23T02:00:00Z');
    expect(t('en', 'approval.decision_reject', { user: 'U0DEMOSUP1', when: slackDate(at, 'Asia/Shanghai'), reason: nasty })).toBe(
      `❌ Rejected by <@U0DEMOSUP1> · <!date^1795399200^{date_short_pretty} {time}|2026-11-23 10:00> — ${nastyEscaped}`,
    );
    const inner = t('en', 'ticket.major.note_line', { note: '<!here>' });
    const outer = md`before ${markup(inner)} after ${'<b>'}`;
    expect(outer).toBe('before \nNote: &lt;!here&gt; after &lt;b&gt;');
  });

  it('mentions only what is a user id; anything else is text', () => {
    expect(mention('U0DEMOSUP1').mrkdwn).toBe('<@U0DEMOSUP1>');
    expect(mention('!channel').mrkdwn).toBe('!channel');
    expect(mention('U1><!channel').mrkdwn).toBe('U1&gt;&lt;!channel');
    expect(mentions(['U0A1', 'W0B2'], ', ').mrkdwn).toBe('<@U0A1>, <@W0B2>');
  });

  it('mentions a user group by its id; anything else is text', () => {
    expect(userGroupMention('S0123ABCD').mrkdwn).toBe('<!subteam^S0123ABCD>');
    expect(userGroupMention('S1><!channel').mrkdwn).toBe('S1&gt;&lt;!channel');
  });

  it('escapes a date token’s fallback', () => {
    expect(dateToken(new Date(0), '{ago}', '<!here>|x').mrkdwn).toBe('<!date^0^{ago}|&lt;!here&gt;¦x>');
  });

  it('leaves placeholders it has no value for, and never takes one from Object.prototype', () => {
    expect(t('en', 'ticket.msg.description', {})).toBe('*Fault*\n{description}');
    expect(md`${'constructor'}`).toBe('constructor');
  });

  it('tPlain fills the same text unescaped, for plain_text, files and charts', () => {
    expect(tPlain('en', 'ticket.msg.header', { number: 'T-1', customer: '<!here> & co' })).toBe('T-1 · <!here> & co');
  });

  it('joins finished lines without touching them', () => {
    expect(joinMrkdwn([escapeMrkdwn('<a>'), t('en', 'ticket.ping.unclaimed')], '\n')).toBe(`&lt;a&gt;\n${t('en', 'ticket.ping.unclaimed')}`);
  });
});

describe('the kit', () => {
  it('puts mrkdwn into mrkdwn blocks and text as typed into plain_text', () => {
    const text = t('en', 'ticket.msg.description', { description: '<!channel>' });
    expect(section(text)).toEqual({ type: 'section', text: { type: 'mrkdwn', text } });
    expect(context(text).elements).toEqual([{ type: 'mrkdwn', text }]);
    expect(header('<!channel> & co')).toEqual({ type: 'header', text: { type: 'plain_text', text: '<!channel> & co' } });
    expect(plainText('a & b', 24)).toEqual({ type: 'plain_text', text: 'a & b' });
  });

  it('cuts long mrkdwn without splitting an entity or a token', () => {
    const escaped = escapeMrkdwn('ab<cd');
    expect(truncateMrkdwn(escaped, 5)).toBe('ab…');
    expect(truncateMrkdwn(md`x ${mention('U0DEMOSUP1')}`, 8)).toBe('x …');
    expect(mrkdwnText(escapeMrkdwn('a'.repeat(10)), 4).text).toBe('aaa…');
  });

  it('refuses, at compile time, raw strings in mrkdwn blocks and finished mrkdwn where it would be escaped again', () => {
    const finished = t('en', 'ticket.ping.unclaimed');
    // @ts-expect-error a raw string is not mrkdwn: it must go through t() or md`…`
    section(`${'<!channel>'}`);
    // @ts-expect-error finished mrkdwn filled in again would be escaped twice: markup(…) it
    t('en', 'ticket.msg.description', { description: finished });
    // @ts-expect-error the same in md`…`
    md`${finished}`;
    // @ts-expect-error a header is plain text: tPlain, not t()
    header(finished);
    // @ts-expect-error only finished mrkdwn can be marked as markup
    markup('<!channel>');
    expect(finished).toBeTruthy();
  });
});

describe('slash command text', () => {
  it('is read back once as typed', () => {
    // Typed `<!channel> & &lt;`: Slack sends `&lt;!channel&gt; &amp; &amp;lt;`.
    expect(typedText('&lt;!channel&gt; &amp; &amp;lt;')).toBe('<!channel> & &lt;');
    // Slack's own markup for a real mention or link is left as it came.
    expect(typedText('<@U0DEMOSUP1|sup> <https://x.example|y>')).toBe('<@U0DEMOSUP1|sup> <https://x.example|y>');
  });
});

describe('the source', () => {
  const root = join(import.meta.dirname, '../..');
  const files = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return path.includes('generated') || path.includes('i18n/messages') ? [] : files(path);
      return path.endsWith('.ts') ? [path] : [];
    });
  const withoutComments = (text: string) => text.replace(/^\s*(\/\/|\/\*\*|\*).*$/gm, '');
  const sources = [...files('src'), ...files('handlers')].map((path) => ({ path: relative(root, join(root, path)), text: withoutComments(readFileSync(join(root, path), 'utf8')) }));

  it('builds mrkdwn objects only in the kit, and Slack markup only in src/i18n/mrkdwn.ts', () => {
    const handMade = sources.filter((f) => f.path !== 'src/slack/kit/text.ts' && /type: 'mrkdwn'/.test(f.text)).map((f) => f.path);
    expect(handMade).toEqual([]);
    const markupByHand = sources.filter((f) => f.path !== 'src/i18n/mrkdwn.ts' && /`[^`\n]*<[@#!][^`\n]*\$\{/.test(f.text)).map((f) => f.path);
    expect(markupByHand).toEqual([]);
    const escapingByHand = sources.filter((f) => f.path !== 'src/i18n/mrkdwn.ts' && /escapeMrkdwn\(|&amp;|&lt;/.test(f.text)).map((f) => f.path);
    expect(escapingByHand).toEqual([]);
  });

  it('uses the Mrkdwn type only as the kit made it', () => {
    const casts = sources.filter((f) => !['src/i18n/mrkdwn.ts'].includes(f.path) && /as Mrkdwn/.test(f.text)).map((f) => f.path);
    expect(casts).toEqual(['src/slack/edge/tell-clicker.ts']);
    const mrkdwn: Mrkdwn = t('en', 'ticket.ping.unclaimed');
    expect(typeof mrkdwn).toBe('string');
  });
});
