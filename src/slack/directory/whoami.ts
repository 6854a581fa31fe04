import { t, tPlain, type Locale, type Mrkdwn } from '../../i18n/catalog.ts';
import { joinMrkdwn } from '../../i18n/mrkdwn.ts';
import type { StaffDescription } from '../../domain/directory/describe-staff-member.ts';
import type { Reply } from '../edge/answer-privately.ts';
import { header, section } from '../kit/text.ts';

export function whoamiMessage(locale: Locale, me: StaffDescription): Reply {
  const grade = me.grade ? ` · ${tPlain(locale, `grade.${me.grade}`)}` : '';
  const lines: Mrkdwn[] = [
    t(locale, 'whoami.identity', { name: me.name, role: tPlain(locale, `role.${me.role}`), grade }),
    me.region ? t(locale, 'whoami.region', { region: `${me.region.name} (${me.region.code})` }) : t(locale, 'whoami.no_region'),
    ...(me.timezone ? [t(locale, 'whoami.timezone', { timezone: me.timezone })] : []),
  ];
  const customers =
    me.customerCount === 0
      ? t(locale, 'whoami.no_customers')
      : joinMrkdwn([
          t(locale, 'whoami.customers', { count: me.customerCount }),
          ...me.customers.map((c) => t(locale, 'whoami.customer_line', { code: c.code, name: c.name, kind: tPlain(locale, `customer.kind.${c.kind}`) })),
          ...(me.customerCount > me.customers.length ? [t(locale, 'common.and_more', { count: me.customerCount - me.customers.length })] : []),
        ], '\n');
  return {
    text: joinMrkdwn(lines, '\n'),
    blocks: [header(tPlain(locale, 'whoami.title')), section(joinMrkdwn(lines, '\n')), section(customers)],
  };
}
