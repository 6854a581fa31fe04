// Every approval kind the domain registers reads in Slack: its texts live apart from the
// kind (the domain builds no user-facing text), so a kind added without them fails here.
import { describe, expect, it } from 'vitest';
import { registeredApprovalKinds } from '../../src/domain/approvals/approval-kinds.ts';
import { approvalTextsOf } from '../../src/slack/approvals/approval-kind-texts.ts';

describe('approval kinds', () => {
  it('each has its Slack texts', () => {
    expect(registeredApprovalKinds.length).toBeGreaterThan(0);
    for (const kind of registeredApprovalKinds) expect(() => approvalTextsOf(kind.kind), kind.kind).not.toThrow();
  });

  it('refuses a kind without texts', () => {
    expect(() => approvalTextsOf('no.such_kind')).toThrow();
  });
});
