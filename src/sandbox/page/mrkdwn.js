// Slack's mrkdwn as HTML, the way the Slack client shows it: *bold*, _italics_, ~strike~,
// `code`, ```blocks```, > quotes, line breaks, and the <…> sequences (links, user and
// channel mentions, @here, user groups, <!date^…> in the viewer's time zone). The text
// arrives escaped by the bot (&amp; &lt; &gt;), so a "<" in it is always a sequence;
// whatever is left is escaped again before it becomes HTML, so nothing a person typed can
// turn into markup here.

const escapeHtml = (text) => text.replace(/&(?!(?:amp|lt|gt|quot|#\d+);)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const escapePlain = (text) => String(text ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const pad = (n) => String(n).padStart(2, '0');

/** Parts of an instant in a time zone: { year, month, day, hour, minute, weekday }. */
export function zonedParts(date, timeZone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(date)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  );
  return parts;
}

function formatDate(seconds, format, ctx) {
  const date = new Date(seconds * 1000);
  const locale = ctx.locale === 'en' ? 'en-US' : 'zh-CN';
  const tz = ctx.timeZone;
  const p = zonedParts(date, tz);
  const today = zonedParts(ctx.now ?? new Date(), tz);
  const dayNumber = (x) => Date.UTC(x.year, x.month - 1, x.day) / 86_400_000;
  const diff = dayNumber(p) - dayNumber(today);
  const relative = diff === 0 ? (ctx.locale === 'en' ? 'Today' : '今天') : diff === -1 ? (ctx.locale === 'en' ? 'Yesterday' : '昨天') : diff === 1 ? (ctx.locale === 'en' ? 'Tomorrow' : '明天') : null;
  const fmt = (options) => new Intl.DateTimeFormat(locale, { timeZone: tz, ...options }).format(date);
  const tokens = {
    date_num: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
    date: fmt({ year: 'numeric', month: 'long', day: 'numeric' }),
    date_short: fmt({ year: 'numeric', month: 'short', day: 'numeric' }),
    date_long: fmt({ weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }),
    time: `${pad(p.hour)}:${pad(p.minute)}`,
    time_secs: `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`,
  };
  tokens.date_pretty = relative ?? tokens.date;
  tokens.date_short_pretty = relative ?? tokens.date_short;
  tokens.date_long_pretty = relative ?? tokens.date_long;
  const minutes = Math.round(((ctx.now ?? new Date()).getTime() - date.getTime()) / 60_000);
  tokens.ago = ctx.locale === 'en' ? (minutes >= 0 ? `${minutes} minutes ago` : `in ${-minutes} minutes`) : minutes >= 0 ? `${minutes}分钟前` : `${-minutes}分钟后`;
  return format.replace(/\{(\w+)\}/g, (whole, name) => tokens[name] ?? whole);
}

function sequence(inner, ctx) {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? inner.slice(bar + 1) : null;
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return `<span class="mention">@${escapeHtml(label ?? ctx.users?.get(id) ?? id)}</span>`;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return `<span class="mention channel" data-channel="${escapePlain(id)}">#${escapeHtml(label ?? ctx.channels?.get(id) ?? id)}</span>`;
  }
  if (target.startsWith('!date^')) {
    const [, seconds, format, link] = target.split('^');
    const text = Number.isFinite(Number(seconds)) ? escapeHtml(formatDate(Number(seconds), format ?? '{date_num}', ctx)) : escapeHtml(label ?? '');
    return link ? `<a href="${escapePlain(link)}" target="_blank" rel="noopener">${text}</a>` : `<span class="date" title="${escapePlain(label ?? '')}">${text}</span>`;
  }
  if (target.startsWith('!subteam^')) return `<span class="mention">${escapeHtml(label ?? '@group')}</span>`;
  if (target.startsWith('!')) return `<span class="mention">@${escapeHtml(target.slice(1))}</span>`;
  const href = /^(https?:|mailto:|tel:)/i.test(target) ? target : '#';
  return `<a href="${escapePlain(href.replace(/&amp;/g, '&'))}" target="_blank" rel="noopener">${escapeHtml(label ?? target)}</a>`;
}

// The emoji the bot's texts use, plus a few common ones; others stay as their :code:.
const emoji = {
  rotating_light: '🚨', bell: '🔔', warning: '⚠️', hourglass_flowing_sand: '⏳', alarm_clock: '⏰', double_vertical_bar: '⏸️',
  white_check_mark: '✅', x: '❌', clipboard: '📋', calendar: '📅', memo: '📝', chart_with_upwards_trend: '📈', tada: '🎉', hourglass: '⌛',
};

/** mrkdwn → HTML string (safe to assign to innerHTML). */
export function mrkdwn(text, ctx = {}) {
  const held = [];
  const hold = (html) => `\u0000${held.push(html) - 1}\u0000`;
  let out = String(text ?? '').replace(/\u0000/g, '');
  out = out.replace(/```([\s\S]*?)```/g, (_, code) => hold(`<pre class="code-block">${escapeHtml(code.replace(/^\n/, ''))}</pre>`));
  out = out.replace(/`([^`\n]+)`/g, (_, code) => hold(`<code>${escapeHtml(code)}</code>`));
  out = out.replace(/<([^<>\n]*)>/g, (_, inner) => hold(sequence(inner, ctx)));
  out = escapeHtml(out);
  out = out.replace(/:([a-z0-9_+-]+):/g, (whole, name) => emoji[name] ?? whole);
  const edge = '(^|[\\s(\\u0000\\p{Script=Han}\\p{P}])';
  const after = '(?=$|[\\s)\\u0000\\p{Script=Han}\\p{P}])';
  out = out.replace(new RegExp(`${edge}\\*(?=\\S)([^*\\n]*?\\S|\\S)\\*${after}`, 'gu'), '$1<b>$2</b>');
  out = out.replace(new RegExp(`${edge}_(?=\\S)([^_\\n]*?\\S|\\S)_${after}`, 'gu'), '$1<i>$2</i>');
  out = out.replace(new RegExp(`${edge}~(?=\\S)([^~\\n]*?\\S|\\S)~${after}`, 'gu'), '$1<s>$2</s>');
  out = out
    .split('\n')
    .map((line) => (line.startsWith('&gt;') ? `<blockquote>${line.replace(/^&gt;\s?/, '')}</blockquote>` : `${line}<br>`))
    .join('')
    .replace(/<br>$/, '')
    .replace(/<br>(<blockquote>)/g, '$1');
  return out.replace(/\u0000(\d+)\u0000/g, (_, i) => held[Number(i)]);
}
