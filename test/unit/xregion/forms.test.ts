// What the two forms accept, field by field, and how `/xregion find` reads its words.
import { describe, expect, it } from 'vitest';
import { FormRejected } from '../../../src/errors.ts';
import { parseForm } from '../../../src/domain/xregion/form-issues.ts';
import { acceptanceFields, acceptanceFormSchema, replyFields, replyFormSchema } from '../../../src/domain/xregion/form-schemas.ts';
import { parseFindQuery } from '../../../src/domain/xregion/find-query.ts';

function issues(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof FormRejected) return error.issues;
    throw error;
  }
  return [];
}

const acceptance = { memberNumber: ' C0004 ', homeRegionCode: null, memberName: null, service: 'complaint', description: ' 投诉信号差 ', contactPhone: '+86 138-0013-8000', verifiedBy: '' };

describe('the acceptance form', () => {
  it('trims, normalises the phone and treats empty inputs as absent', () => {
    expect(parseForm(acceptanceFormSchema, acceptance, acceptanceFields)).toEqual({
      memberNumber: 'C0004', homeRegionCode: null, memberName: null, service: 'complaint', description: '投诉信号差', contactPhone: '13800138000', verifiedBy: null,
    });
    expect(parseForm(acceptanceFormSchema, { ...acceptance, homeRegionCode: 'bj', contactPhone: '0755 1234 5678' }, acceptanceFields)).toMatchObject({ homeRegionCode: 'BJ', contactPhone: '075512345678' });
  });

  it('names each wrong field once, with a catalog message', () => {
    expect(issues(() => parseForm(acceptanceFormSchema, { ...acceptance, memberNumber: null, service: 'haircut', description: '  ', contactPhone: '12345' }, acceptanceFields))).toEqual([
      { field: 'memberNumber', message: 'xregion.field.member_number_required' },
      // Filled with a service the form does not offer: choose again, not "please choose".
      { field: 'service', message: 'error.field_choice_unavailable' },
      { field: 'description', message: 'xregion.field.description_required' },
      { field: 'contactPhone', message: 'xregion.field.phone_invalid' },
    ]);
    expect(issues(() => parseForm(acceptanceFormSchema, { ...acceptance, contactPhone: null, description: '长'.repeat(2001) }, acceptanceFields))).toEqual([
      { field: 'description', message: 'xregion.field.too_long', params: { max: 2000 } },
      { field: 'contactPhone', message: 'xregion.field.phone_required' },
    ]);
  });
});

describe('the reply form', () => {
  const reply = { result: 'done', reason: null, actionsTaken: '已办理', handledBy: '李强', handledAt: new Date('2026-11-23T03:00:00Z'), notes: null };

  it('needs a reason for anything short of done', () => {
    expect(parseForm(replyFormSchema, reply, replyFields)).toMatchObject({ result: 'done', reason: null });
    expect(issues(() => parseForm(replyFormSchema, { ...reply, result: 'partly_done' }, replyFields))).toEqual([{ field: 'reason', message: 'xregion.field.reason_required' }]);
    expect(issues(() => parseForm(replyFormSchema, { ...reply, result: 'cannot_be_done', reason: '  ' }, replyFields))).toEqual([{ field: 'reason', message: 'xregion.field.reason_required' }]);
  });

  it('needs what was done, by whom and when', () => {
    expect(issues(() => parseForm(replyFormSchema, { ...reply, result: null, actionsTaken: null, handledBy: ' ', handledAt: null }, replyFields)).map((i) => i.field)).toEqual([
      'result', 'actionsTaken', 'handledBy', 'handledAt',
    ]);
  });
});

describe('parseFindQuery', () => {
  const regions = [{ code: 'BJ', name: '北京' }, { code: 'SH', name: '上海' }];

  it('reads numbers, periods, regions and members', () => {
    expect(parseFindQuery(['xr-20261123-001'], regions)).toEqual({ kind: 'number', number: 'XR-20261123-001' });
    expect(parseFindQuery(['2026-11-01', '2026-11-30'], regions)).toEqual({ kind: 'period', from: '2026-11-01', to: '2026-11-30' });
    expect(parseFindQuery(['2026-11-05'], regions)).toEqual({ kind: 'period', from: '2026-11-05', to: '2026-11-05' });
    expect(parseFindQuery(['2026-02'], regions)).toEqual({ kind: 'period', from: '2026-02-01', to: '2026-02-28' });
    expect(parseFindQuery(['sh'], regions)).toEqual({ kind: 'region', code: 'SH' });
    expect(parseFindQuery(['北京'], regions)).toEqual({ kind: 'region', code: 'BJ' });
    expect(parseFindQuery(['13801010001'], regions)).toEqual({ kind: 'member', text: '13801010001', digits: '13801010001' });
    expect(parseFindQuery(['Li', 'Na'], regions)).toEqual({ kind: 'member', text: 'Li Na', digits: null });
    // Part of a number: four digits or more, typed with spaces or dashes.
    expect(parseFindQuery(['138-0101'], regions)).toEqual({ kind: 'member', text: '138-0101', digits: '1380101' });
    expect(parseFindQuery(['0101'], regions)).toMatchObject({ digits: '0101' });
    expect(parseFindQuery(['138'], regions)).toMatchObject({ kind: 'member', digits: null });
    expect(parseFindQuery([], regions)).toBeNull();
  });
});
