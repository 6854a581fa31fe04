// Block Kit validation used by the fake Slack: returns the violations real
// Slack would answer invalid_blocks / invalid_arguments for. Empty = valid.
// Limits: /work/shared/slack-platform.md section 4.
import { checkBlockList, type Surface } from './block-kit/blocks.ts';
import { Checker } from './block-kit/check.ts';
import { checkView } from './block-kit/view.ts';

export type { Surface } from './block-kit/blocks.ts';

/** Violations read "<json-pointer>: <message>", e.g. "/blocks/0/text/text: must be at most 3000 characters (got 3001)". */
export function validateBlocks(blocks: unknown, surface: Surface): string[] {
  const c = new Checker();
  checkBlockList(c, '/blocks', blocks, surface);
  return c.violations;
}

/** Validates a modal or Home tab view; pointers are rooted at "/view". */
export function validateView(view: unknown): string[] {
  const c = new Checker();
  checkView(c, '/view', view);
  return c.violations;
}
