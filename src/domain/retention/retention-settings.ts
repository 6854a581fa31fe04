// The configured values retention works with, gathered from Config once at the edge
// so domain functions take plain data.
import type { Config } from '../../config.ts';
import type { ApprovalTiming } from '../approvals/approval-policy.ts';
import type { Offer } from './offer-catalogue.ts';
import type { AuthorityByGrade } from './retention-policy.ts';

export type RetentionSettings = {
  offers: Offer[];
  authorityByGrade: AuthorityByGrade;
  twoApproversAbove: number;
  followUpHour: number;
  approvalTiming: ApprovalTiming;
  /** For people without a time zone of their own, and for month boundaries. */
  timezone: string;
};

export function retentionSettings(config: Config): RetentionSettings {
  return {
    offers: config.retention.offers,
    authorityByGrade: config.retention.authorityByGrade,
    twoApproversAbove: config.retention.twoApproversAbove,
    followUpHour: config.retention.followUpHour,
    approvalTiming: config.approvals,
    timezone: config.timezone,
  };
}
