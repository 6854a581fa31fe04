// The retention offer catalogue: what a manager may offer and what each offer is worth
// (yuan), which decides whether a supervisor must approve it. This file is the one
// place to change the default catalogue; RETENTION_OFFERS (JSON, same shape) replaces
// it without a code change. Offer names are data, like customer names, so both
// languages travel with the offer.
import { z } from 'zod';

export const offerSchema = z.object({
  code: z.string().regex(/^[a-z0-9_]{1,60}$/, 'offer codes are lowercase letters, digits and _'),
  value: z.number().int().min(0),
  name: z.object({ en: z.string().min(1).max(60), 'zh-CN': z.string().min(1).max(60) }),
});

export const offerCatalogueSchema = z
  .array(offerSchema)
  .min(1)
  .max(90)
  .refine((offers) => new Set(offers.map((o) => o.code)).size === offers.length, 'offer codes must be unique');

export type Offer = z.infer<typeof offerSchema>;

export const defaultOfferCatalogue: Offer[] = [
  { code: 'none', value: 0, name: { en: 'No offer', 'zh-CN': '未提供优惠' } },
  { code: 'bill_credit_50', value: 50, name: { en: '¥50 bill credit', 'zh-CN': '赠送话费50元' } },
  { code: 'data_pack_10gb_3m', value: 150, name: { en: '10 GB data pack for 3 months', 'zh-CN': '赠送10GB流量包（3个月）' } },
  { code: 'bill_discount_10pct_6m', value: 400, name: { en: '10% bill discount for 6 months', 'zh-CN': '月费九折（6个月）' } },
  { code: 'broadband_upgrade_12m', value: 800, name: { en: 'Free broadband upgrade for 12 months', 'zh-CN': '宽带免费提速（12个月）' } },
  { code: 'device_subsidy', value: 1500, name: { en: 'Handset subsidy', 'zh-CN': '购机补贴' } },
  { code: 'bill_discount_20pct_12m', value: 2500, name: { en: '20% bill discount for 12 months', 'zh-CN': '月费八折（12个月）' } },
  { code: 'private_line_discount_12m', value: 6000, name: { en: 'Private-line discount for 12 months', 'zh-CN': '专线资费优惠（12个月）' } },
];

export function findOffer(offers: Offer[], code: string): Offer | undefined {
  return offers.find((offer) => offer.code === code);
}
