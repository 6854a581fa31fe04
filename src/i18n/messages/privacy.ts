import { defineMessages } from '../define-messages.ts';

// Personal data (PIPL): revealing a masked number to the person handling the record,
// the audited exports, and the refusals.
export const privacyMessages = defineMessages(
  {
    'privacy.button.reveal': 'Reveal number',
    'privacy.masked_note': 'Numbers are masked; the person handling this can reveal them (each view is recorded).',
    'privacy.revealed.ticket': ':lock: *{number}* — on-site contact: {contact} (only you see this; this view is recorded)',
    'privacy.revealed.xregion': ':lock: *{number}* — member {name}: member number {member}, contact number {phone} (only you see this; this view is recorded)',
    'error.privacy_not_handler': 'Only the people handling this record can see the full number (a ticket’s engineer and the customer’s account manager; a cross-region request’s handler, its opener and the member’s account manager), so it stays masked. Thank you for understanding!',
    'error.privacy_anonymised': 'The personal data of *{number}* was removed after the retention period, so there is no number to show.',
    'error.privacy_export_not_allowed': 'Exports holding members’ personal data are for supervisors and admins. Please ask your supervisor if you need one.',
  },
  {
    'privacy.button.reveal': '查看完整号码',
    'privacy.masked_note': '号码已脱敏显示；经办人可查看完整号码（每次查看都会留痕）。',
    'privacy.revealed.ticket': ':lock: *{number}* — 现场联系人：{contact}（仅您可见；本次查看已记录）',
    'privacy.revealed.xregion': ':lock: *{number}* — 会员{name}：会员号码 {member}，联系电话 {phone}（仅您可见；本次查看已记录）',
    'error.privacy_not_handler': '完整号码仅限经办人查看（工单的处理工程师和客户的客户经理；跨区请求的受理人、开单人和会员的客户经理），因此仍脱敏显示。感谢您的理解！',
    'error.privacy_anonymised': '*{number}* 的个人信息已在保存期满后删除，没有可显示的号码。',
    'error.privacy_export_not_allowed': '含会员个人信息的导出仅限主管和管理员。如需导出，请联系您的主管。',
  },
);
