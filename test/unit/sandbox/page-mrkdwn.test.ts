// The sandbox page's mrkdwn renderer (src/sandbox/page/mrkdwn.js, plain browser JS that
// needs only Intl): Slack's formatting, its <…> sequences, dates in the viewer's time
// zone, and escaping — text a person typed never becomes markup.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript served to the browser, no type declarations
import { mrkdwn } from '../../../src/sandbox/page/mrkdwn.js';

const ctx = {
  users: new Map([['U0DEMOENG1', '张伟']]),
  channels: new Map([['C0DEMOBJTKT', 'bj-tickets']]),
  timeZone: 'Asia/Shanghai',
  locale: 'en',
  now: new Date('2026-11-23T02:00:00Z'),
};
const render = (text: string): string => mrkdwn(text, ctx);

describe('the page’s mrkdwn', () => {
  it('formats bold, italics, strike, code, code blocks, quotes and line breaks', () => {
    expect(render('*T-1* is _late_ ~not~ `code`')).toBe('<b>T-1</b> is <i>late</i> <s>not</s> <code>code</code>');
    expect(render('认领 *T-20261202-001* 已完成')).toBe('认领 <b>T-20261202-001</b> 已完成');
    expect(render('```a *b*\nc```')).toBe('<pre class="code-block">a *b*\nc</pre>');
    expect(render('> quoted\nnext')).toBe('<blockquote>quoted</blockquote>next');
    expect(render('one\ntwo')).toBe('one<br>two');
  });

  it('shows mentions, links and @here', () => {
    expect(render('<@U0DEMOENG1> in <#C0DEMOBJTKT>')).toBe('<span class="mention">@张伟</span> in <span class="mention channel" data-channel="C0DEMOBJTKT">#bj-tickets</span>');
    expect(render('<https://example.com/a?b=1&amp;c=2|the report>')).toBe('<a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener">the report</a>');
    expect(render('<!here> <!subteam^S0123|@supervisors>')).toBe('<span class="mention">@here</span> <span class="mention">@supervisors</span>');
    expect(render('<javascript:alert(1)|x>')).toContain('href="#"');
  });

  it('shows <!date^…> in the viewer’s time zone, relative to the bot’s clock', () => {
    const seconds = Date.parse('2026-11-23T05:21:00Z') / 1000;
    expect(render(`<!date^${seconds}^{date_short_pretty} {time}|fallback>`)).toBe('<span class="date" title="fallback">Today 13:21</span>');
    expect(render(`<!date^${seconds}^{date_num}|fallback>`)).toContain('2026-11-23');
  });

  it('keeps escaped text escaped and escapes whatever else arrives', () => {
    expect(render('&lt;script&gt;alert(1)&lt;/script&gt; &amp; "q"')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;');
    expect(render('a & b')).toBe('a &amp; b');
    expect(render('<https://x.example|<b>label</b>>')).not.toContain('<b>label');
  });

  it('turns the bot’s emoji codes into emoji', () => {
    expect(render(':rotating_light: :hourglass_flowing_sand: :unknown_code:')).toBe('🚨 ⏳ :unknown_code:');
  });
});
