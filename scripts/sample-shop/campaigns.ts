/**
 * The shop's two randomised coupon tests of 2024: every eligible customer
 * (ordered before, nothing in the last 14 days) is randomised into a control
 * arm (no coupon) or a percent-off arm, with a unique code per member. The
 * arms are drawn from a stream of their own, so they are independent of
 * everything the simulation draws.
 */
import { dayOf } from './calendar'
import type { Customer } from './customers'
import { baseHazard } from './hazard'
import { Random } from './random'
import { dailyChance, responseMultiplier } from './response'

export interface RandomisedCampaign {
  id: string
  name: string
  /** Codes look like `SPRING-7KQ2XM`. */
  prefix: string
  sentDay: number
  days: number
  /** Percent off per treatment arm; control gets none. */
  levels: readonly number[]
  controlShare: number
}

/** Windows clear of the site sales, COMEBACK20 (1st-14th) and VIP15 (first ten days of a quarter). */
export const CAMPAIGNS: readonly RandomisedCampaign[] = [
  { id: 'spring-test-2024', name: 'Spring depth test 2024', prefix: 'SPRING', sentDay: dayOf('2024-03-18'), days: 14, levels: [5, 10, 15, 20], controlShare: 0.2 },
  { id: 'autumn-test-2024', name: 'Autumn depth test 2024', prefix: 'AUTUMN', sentDay: dayOf('2024-10-15'), days: 14, levels: [5, 10, 15, 20], controlShare: 0.2 },
]

/** Customers who bought within this many days before the send are left out. */
export const RECENT_BUYER_DAYS = 14

export interface CampaignMembership {
  campaign: RandomisedCampaign
  arm: 'treatment' | 'control'
  /** 0 for control. */
  percent: number
  /** '' for control. */
  code: string
  /**
   * P(an order in the window) without and with the member's coupon, by the
   * law, from their state on the send day: the truth about this member's
   * uplift (control members get the figure for the arms' mean depth).
   */
  pWithout: number
  pWith: number
}

export interface CampaignDraw {
  random: Random
  codes: Set<string>
}

export function campaignDraw(seed: number): CampaignDraw {
  return { random: new Random((seed ^ 0x2c1b3c6d) >>> 0), codes: new Set() }
}

// No 0/O, 1/I/L: codes are typed by hand.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

function uniqueCode(draw: CampaignDraw, prefix: string): string {
  for (;;) {
    let tail = ''
    for (let i = 0; i < 6; i++) tail += CODE_ALPHABET[Math.floor(draw.random.next() * CODE_ALPHABET.length)]
    const code = `${prefix}-${tail}`
    if (!draw.codes.has(code)) {
      draw.codes.add(code)
      return code
    }
  }
}

/** P(at least one order in the campaign window) at this depth, as the simulation draws it. */
function windowChance(customer: Customer, campaign: RandomisedCampaign, active: boolean, lastOrderDay: number, percent: number): number {
  const lift = responseMultiplier(customer.tau, percent / 100)
  let none = 1
  for (let d = campaign.sentDay; d < campaign.sentDay + campaign.days; d++) none *= 1 - dailyChance(baseHazard(customer, active, d, lastOrderDay) * lift)
  return 1 - none
}

/** On a campaign's send day, randomises the customer into an arm if they are eligible. */
export function enrolIfEligible(draw: CampaignDraw, customer: Customer, day: number, lastOrderDay: number, active: boolean): void {
  for (const campaign of CAMPAIGNS) {
    if (day !== campaign.sentDay || customer.orders.length === 0 || day - lastOrderDay < RECENT_BUYER_DAYS) continue
    const u = draw.random.next()
    const control = u < campaign.controlShare
    const arm = Math.min(campaign.levels.length - 1, Math.floor(((u - campaign.controlShare) / (1 - campaign.controlShare)) * campaign.levels.length))
    const percent = control ? 0 : campaign.levels[arm]
    const meanDepth = campaign.levels.reduce((a, b) => a + b, 0) / campaign.levels.length
    customer.campaigns.push({
      campaign,
      arm: control ? 'control' : 'treatment',
      percent,
      code: control ? '' : uniqueCode(draw, campaign.prefix),
      pWithout: windowChance(customer, campaign, active, lastOrderDay, 0),
      pWith: windowChance(customer, campaign, active, lastOrderDay, control ? meanDepth : percent),
    })
  }
}

/** The customer's test coupon valid on this day, if any. */
export function offerOf(customer: Customer, day: number): CampaignMembership | null {
  return customer.campaigns.find((m) => m.arm === 'treatment' && day >= m.campaign.sentDay && day < m.campaign.sentDay + m.campaign.days) ?? null
}
