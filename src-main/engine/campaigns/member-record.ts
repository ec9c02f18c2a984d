import type { CampaignDiscountType } from '../planner/offer-types'

/** One campaign-member row as the file states it, before it meets the store. */
export interface MemberRecord {
  /** 'file:<campaign id or name as written>' */
  campaignKey: string
  campaignName: string
  /** The shop's customer id and e-mail (lower case); '' when the file has none. */
  externalId: string
  email: string
  arm: 'treatment' | 'control'
  discountType: CampaignDiscountType
  discountValue: number
  minSpend: number
  /** Raw scope text; resolved against the store's catalogue by the writer. */
  appliesTo: string
  sentAt: string
  expiresAt: string
  code: string | null
  redeemed: boolean | null
  orderKey: string | null
  converted: boolean | null
  revenue: number | null
}

/** The stored columns that make two rows "the same member with the same values". */
export interface MemberValues {
  arm: string
  discount_type: string
  discount_value: number
  min_spend: number
  applies_to: string
  sent_at: string
  expires_at: string
  code: string | null
  redeemed: number | null
  order_key: string | null
  converted: number | null
  revenue: number | null
}

export function sameValues(a: MemberValues, b: MemberValues): boolean {
  return (Object.keys(a) as (keyof MemberValues)[]).every((key) => a[key] === b[key])
}
