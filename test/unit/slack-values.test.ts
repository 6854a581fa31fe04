// The one reader of Slack-carried values and the shared plain-text rule: only what the
// bot wrote is read back, odd words are just words, refused text is named per block.
import { describe, expect, it } from 'vitest';
import { isPlainText } from '../../src/domain/plain-text.ts';
import { ticketText } from '../../src/domain/tickets/ticket-input.ts';
import { visitFormMetadata } from '../../src/slack/visits/visit-form.ts';
import { carried, lookupWord, readCarried, readCommandText, readOptionQuery, readViewValues, textOf } from '../../src/slack/edge/slack-values.ts';

const oddWords = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('the plain-text rule', () => {
  it('lets printable text, newlines and tabs through', () => {
    for (const text of ['Line down', '光缆中断，已熔接', 'a\nb\tc', 'windows\r\nline', '😀 emoji', '']) expect(isPlainText(text), JSON.stringify(text)).toBe(true);
  });

  it('refuses NUL, other control characters, a lone carriage return and lone surrogates', () => {
    for (const text of ['a\u0000b', 'ring\u0007', '\u001b[31mred', 'del\u007f', 'nel\u0085', 'a\rb', 'x\ud800y', 'x\udc00', 'end\ud83d']) {
      expect(isPlainText(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('is part of the domain schemas', () => {
    expect(ticketText.description.safeParse('ok').success).toBe(true);
    expect(ticketText.description.safeParse('no\u0000pe').success).toBe(false);
    expect(ticketText.externalRef.safeParse('x'.repeat(201)).success).toBe(false);
  });
});

describe('values the bot carries in Slack', () => {
  it('reads back what the builders write', () => {
    expect(readCarried(carried.ticketId, '0b7c8f0e-3b61-4b7a-9a51-2f4f8c1f6d10')).toBe('0b7c8f0e-3b61-4b7a-9a51-2f4f8c1f6d10');
    expect(readCarried(carried.approvalRequestId, '42')).toBe(42n);
    expect(readCarried(carried.ticketModal, JSON.stringify({ ticketId: '0b7c8f0e-3b61-4b7a-9a51-2f4f8c1f6d10' }))).toEqual({ ticketId: '0b7c8f0e-3b61-4b7a-9a51-2f4f8c1f6d10' });
    expect(readCarried(carried.xregionFindPage, JSON.stringify({ q: '13801010001', p: 2 }))).toEqual({ q: '13801010001', p: 2 });
    expect(readCarried(visitFormMetadata, JSON.stringify({ timeZone: 'Asia/Shanghai', visitId: '7', version: 2 }))).toEqual({ timeZone: 'Asia/Shanghai', visitId: '7', version: 2 });
  });

  it('reads anything else as null, never throws', () => {
    const junk: unknown[] = [undefined, null, '', 'not json', '{', '[]', '7.5', '{"__proto__":{"ticketId":"x"}}', 'a\u0000b', 'x'.repeat(5000), 'x\ud800'];
    for (const [name, schema] of Object.entries(carried)) {
      // A customer code may well be the word "constructor"; it is then just an unknown customer.
      const words = name === 'customerCode' ? [] : oddWords;
      // The new-ticket modal opened without a message carries nothing: '' is its own value.
      const refused = name === 'newTicketModal' ? junk.filter((raw) => raw !== '') : junk;
      for (const raw of [...refused, ...words]) expect(readCarried(schema, raw), `${name} ${String(raw).slice(0, 20)}`).toBeNull();
    }
    expect(readCarried(carried.newTicketModal, '')).toBe('');
    expect(readCarried(carried.newTicketModal, JSON.stringify({ source: { channelId: 'C0FIELD1', messageTs: '1700000000.000100' } }))).toEqual({ source: { channelId: 'C0FIELD1', messageTs: '1700000000.000100' } });
    expect(readCarried(carried.newTicketModal, JSON.stringify({ source: { channelId: 'not a channel', messageTs: '1' } }))).toBeNull();
    expect(readCarried(visitFormMetadata, '{"timeZone":"Mars/Olympus"}')).toBeNull();
    expect(readCarried(carried.xregionFindPage, JSON.stringify({ q: 'a\u0000', p: 1 }))).toBeNull();
  });
});

describe('view.state.values', () => {
  it('reads text and choices, and reports refused text on its block', () => {
    const read = readViewValues({
      summary: { 'visit.summary': { type: 'plain_text_input', value: 'ok\u0000' } },
      met_with: { 'visit.met_with': { type: 'plain_text_input', value: 'x'.repeat(3001) } },
      kind: { 'visit.kind': { type: 'static_select', selected_option: { value: 'phone', text: { type: 'plain_text', text: 'Phone' } } } },
      note: { note: { type: 'plain_text_input', value: 'fine\nand tabbed\t' } },
    });
    expect(read?.problems).toEqual({ summary: { kind: 'control_characters' }, met_with: { kind: 'too_long', max: 3000, length: 3001 } });
    expect(textOf(read!.values, 'note')).toBe('fine\nand tabbed\t');
  });

  it('is null when it is not the shape Slack sends', () => {
    for (const raw of ['x', 7, [], { block: 'x' }, { block: { action: { value: 7 } } }]) expect(readViewValues(raw)).toBeNull();
  });

  it('looks blocks up as own properties only', () => {
    const read = readViewValues({ note: { note: { type: 'plain_text_input', value: 'hi' } } })!;
    for (const word of oddWords) expect(textOf(read.values, word)).toBeNull();
  });
});

describe('option loads and command text', () => {
  it('searches only for what could be a search', () => {
    expect(readOptionQuery(' C000 ')).toBe('C000');
    expect(readOptionQuery(undefined)).toBe('');
    expect(readOptionQuery('a\u0000')).toBeNull();
    expect(readOptionQuery('x'.repeat(101))).toBeNull();
  });

  it('splits the words of a command, and refuses control characters or a far too long text', () => {
    expect(readCommandText('  Claim  T-1 now ')).toEqual({ words: { text: 'Claim  T-1 now', name: 'claim', word: 'Claim', rest: ['T-1', 'now'] } });
    expect(readCommandText('')).toEqual({ words: { text: '', name: '', word: '', rest: [] } });
    expect(readCommandText('list \u0000')).toEqual({ problem: { kind: 'control_characters' } });
    expect(readCommandText('x'.repeat(4001))).toEqual({ problem: { kind: 'too_long', max: 4000, length: 4001 } });
  });

  it('finds subcommands among own properties only', () => {
    const table: Record<string, number> = { help: 1, list: 2 };
    expect(lookupWord(table, 'help')).toBe(1);
    for (const word of oddWords) expect(lookupWord(table, word)).toBeUndefined();
  });
});
