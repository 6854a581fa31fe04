import { defineMessages } from '../define-messages.ts';

// One entry per command, each with an example, so `/am help` is the manual.
export const helpMessages = defineMessages(
  {
    'help.title': 'Key-account service bot',
    'help.intro': 'I help account managers, field engineers and supervisors serve key customers: fault tickets with restore-time countdowns, visits and follow-ups, cross-region requests for roaming members, and retention cases with supervisor approvals.',
    'help.am': '*`/am`* — you and the directory\n• `/am whoami` — your role, region and customers\n• `/am help` — this help\n• `/am staff @alice account_manager BJ senior` — (admins) register or update a colleague: role, region, grade\n• `/am report 2026-10 BJ` — monthly service-and-retention report\n• `/am calendar 2027` — the work calendar: holidays and make-up working days\n• `/am away 2026-12-24 2026-12-31 @deputy` — (supervisors) while you are away, your region’s approvals also go to a deputy, who decides on your behalf',
    'help.visit': '*`/visit`* — log a visit or call\n• `/visit` — open the visit form\n• `/visit C0001 phone Called about the new private line` — quick log\n• `/visit list`, `/visit history C0001`',
    'help.ticket': '*`/ticket`* — fault tickets\n• `/ticket new` — open a ticket\n• `/ticket claim T-20261123-001`, `/ticket show T-20261123-001`\n• `/ticket list mine`',
    'help.xregion': '*`/xregion`* — cross-region service for roaming members\n• `/xregion` — open an acceptance form\n• `/xregion find 13800000000`, `/xregion export 2026-11-01 2026-11-30`',
    'help.retain': '*`/retain`* — retention cases\n• `/retain` — record a retention case\n• `/retain stats 2026-11`',
    'help.plan': '*`/plan`* — club activity plans\n• `/plan` — submit a plan (purpose, theme, date, target members, places, budget) for your supervisors’ approval\n• after the event: *Record report* in the reminder (attendance, satisfaction)',
    'help.footer': 'Replies only you can see are marked "Only visible to you". Questions? Ask {admins}.',
  },
  {
    'help.title': '大客户服务机器人',
    'help.intro': '我协助客户经理、装维工程师和主管服务大客户：故障工单与恢复时限倒计时、客户走访与回访、异地大客户跨区服务、客户挽留与主管审批。',
    'help.am': '*`/am`* — 个人信息与通讯录\n• `/am whoami` — 查看您的角色、区域和名下客户\n• `/am help` — 显示本帮助\n• `/am staff @alice account_manager BJ senior` — （管理员）登记或更新同事的角色、区域、级别\n• `/am report 2026-10 BJ` — 服务维系月分析报告\n• `/am calendar 2027` — 工作日历：法定节假日与调休上班日\n• `/am away 2026-12-24 2026-12-31 @代理人` — （主管）外出期间，本区域的审批申请也发给代理人，由其代您审批',
    'help.visit': '*`/visit`* — 记录走访或电话拜访\n• `/visit` — 打开走访登记表\n• `/visit C0001 phone 电话沟通新开专线事宜` — 快速登记\n• `/visit list`、`/visit history C0001`',
    'help.ticket': '*`/ticket`* — 故障工单\n• `/ticket new` — 新建工单\n• `/ticket claim T-20261123-001`、`/ticket show T-20261123-001`\n• `/ticket list mine`',
    'help.xregion': '*`/xregion`* — 异地大客户跨区服务\n• `/xregion` — 填写受理单\n• `/xregion find 13800000000`、`/xregion export 2026-11-01 2026-11-30`',
    'help.retain': '*`/retain`* — 客户挽留\n• `/retain` — 登记挽留情况\n• `/retain stats 2026-11`',
    'help.plan': '*`/plan`* — 俱乐部活动方案签报\n• `/plan` — 提交活动方案（目的、主题、日期、目标会员、名额、预算），由主管审批\n• 活动结束后：在提醒中点 *登记活动总结*（到场人数、满意度）',
    'help.footer': '标有“仅您可见”的回复只有您能看到。有问题请联系 {admins}。',
  },
);
