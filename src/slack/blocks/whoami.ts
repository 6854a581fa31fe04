import { t, type Locale } from '../../i18n/catalog.ts';
import type { StaffDescription } from '../../domain/directory/describe-staff-member.ts';
import type { Reply } from '../answer-privately.ts';
import { header, section } from './text.ts';

export function whoamiMessage(locale: Locale, me: StaffDescription): Reply {
  const grade = me.grade ? ` · ${t(locale, `grade.${me.grade}`)}` : '';
  const lines = [
    t(locale, 'whoami.identity', { name: me.name, role: t(locale, `role.${me.role}`), grade }),
    me.region ? t(locale, 'whoami.region', { region: `${me.region.name} (${me.region.code})` }) : t(locale, 'whoami.no_region'),
    me.timezone ? t(locale, 'whoami.timezone', { timezone: me.timezone }) : '',
  ].filter(Boolean);
  const customers =
    me.customerCount === 0
      ? t(locale, 'whoami.no_customers')
      : [
          t(locale, 'whoami.customers', { count: me.customerCount }),
          ...me.customers.map((c) => t(locale, 'whoami.customer_line', { code: c.code, name: c.name, kind: t(locale, `customer.kind.${c.kind}`) })),
          ...(me.customerCount > me.customers.length ? [t(locale, 'common.and_more', { count: me.customerCount - me.customers.length })] : []),
        ].join('\n');
  return {
    text: lines.join('\n'),
    blocks: [header(t(locale, 'whoami.title')), section(lines.join('\n')), section(customers)],
  };
}
