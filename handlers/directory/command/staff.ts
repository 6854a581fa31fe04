// /am staff @user ROLE REGION [GRADE] — parsed with zod, then handed to the domain.
import { z } from 'zod';
import { registerStaff } from '../../../src/domain/directory/register-staff.ts';
import { DomainError } from '../../../src/errors.ts';
import { t, tPlain } from '../../../src/i18n/catalog.ts';
import type { Subcommand } from '../../subcommand.ts';

// Slack escapes mentions as <@U123|name> (should_escape: true in manifest.yml).
const mention = /^<@([UW][A-Z0-9]+)(?:\|([^>]*))?>$/;
const role = z.enum(['account_manager', 'field_engineer', 'supervisor', 'admin']);
const grade = z.enum(['junior', 'mid', 'senior', 'star']);

export const amStaff: Subcommand = async (ctx, { userId, args, locale }) => {
  const [who, roleText, regionCode, gradeText] = args;
  if (!who || !roleText || !regionCode) return { text: t(locale, 'staff.usage') };
  const target = mention.exec(who);
  if (!target) throw new DomainError('staff_bad_user', { value: who });
  const parsedRole = role.safeParse(roleText.toLowerCase());
  if (!parsedRole.success) throw new DomainError('staff_bad_role', { value: roleText });
  const parsedGrade = gradeText === undefined ? undefined : grade.safeParse(gradeText.toLowerCase());
  if (parsedGrade && !parsedGrade.success) throw new DomainError('staff_bad_grade', { value: gradeText! });

  const targetId = target[1]!;
  const profile = await ctx.profiles.lookup(targetId);
  const result = await registerStaff(ctx, {
    actorId: userId,
    slackUserId: targetId,
    name: profile.name ?? target[2] ?? targetId,
    role: parsedRole.data,
    regionCode,
    grade: parsedGrade?.data,
    timezone: profile.timezone,
  });
  // The help inside an ack names the admins: this process knows of the change at once.
  await ctx.staff.reload().catch((error: unknown) => ctx.logger.warn({ err: error }, 'could not re-read the staff directory into memory'));
  const params = { userId: targetId, role: tPlain(locale, `role.${parsedRole.data}`), region: result.regionName };
  return {
    text: result.created || !result.previousRole
      ? t(locale, 'staff.registered', params)
      : t(locale, 'staff.updated', { ...params, previousRole: tPlain(locale, `role.${result.previousRole}`) }),
  };
};
