// Timer kind 'approval.deadline': an undecided request reminds the supervisors once,
// then expires. The step is worked out from the request's current state (pure, in
// approval-policy.ts); a request decided meanwhile simply ends its timer.
import type { Clock } from '../../clock.ts';
import { deadlineStep } from '../../domain/approvals/approval-policy.ts';
import { expireApproval, markApprovalReminded } from '../../domain/approvals/expire-approval.ts';
import { findApproval } from '../../domain/approvals/find-approval.ts';
import { announceApproval, remindSupervisors } from '../../slack/approvals/publish-approval.ts';
import type { BotContext } from '../../slack/bot-context.ts';
import type { TimerHandler } from '../sweep-due-timers.ts';

export function approvalDeadlineHandler(ctx: BotContext): TimerHandler {
  return async (timer, now) => {
    const requestId = BigInt(timer.subjectId);
    const record = await findApproval(ctx.db, requestId);
    if (!record) return null;
    // Expired (or decided) meanwhile: its announcement went to the outbox with it.
    if (record.status !== 'pending') return null;
    const deps = { db: ctx.db, clock: { now: () => now } satisfies Clock };
    const step = deadlineStep(record, now);
    if (step.action === 'expire') {
      // The expiry writes its announcement; the outbox updates the message and tells the requester.
      if (await expireApproval(deps, requestId)) ctx.outbox.kick();
      return null;
    }
    if (step.action === 'remind') {
      // A request whose first post Slack refused (the bot not yet in the channel) is posted
      // now; that is its reminder.
      if (record.messageTs) await remindSupervisors(ctx, record);
      else await announceApproval(ctx, requestId);
      await markApprovalReminded(deps, requestId);
    }
    return step.next;
  };
}
