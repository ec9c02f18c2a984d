/**
 * Customers: who they are (names, addresses, consent) and their hidden
 * traits: segment, purchase rate, dropout, category taste, deal proneness
 * (`sensitivity`) and the discount-response type and τ of response.ts.
 */
import { DAYS, growthFactor, pad, seasonFactor, weekdayFactor } from './calendar'
import { CATEGORIES } from './catalogue'
import type { CampaignMembership } from './campaigns'
import type { Order } from './orders/model'
import { FIRST_NAMES, LAST_NAMES, STREETS, asciiLocal, type Place } from './places'
import { siteSaleOn } from './promotions'
import type { Random } from './random'
import { TAU_MEAN, type ResponseType } from './response'

/** The shipped sample shop's size; the bench builds bigger shops with `--customers`. */
export const CUSTOMER_COUNT = 1500
/** Share of customer records that never ordered (newsletter sign-ups). */
export const NON_BUYER_SHARE = 0.06

export type Segment = 'one-time' | 'occasional' | 'loyal'

export interface Customer {
  index: number
  id: string
  firstName: string
  lastName: string
  email: string
  phone: string
  company: string
  street: string
  address2: string
  place: Place
  zip: string
  acceptsMarketing: boolean
  acceptsSms: boolean
  acquiredDay: number
  acquiredInSale: boolean
  buyer: boolean
  // latent
  segment: Segment
  /** Orders per year while active, at neutral season and no code. */
  rate: number
  /** Chance of going quiet after each order. */
  dropout: number
  /** 0..1 deal proneness: uses codes in sales, holds back at full price, opts in to email. */
  sensitivity: number
  /** How a coupon moves them (response.ts); drawn from a stream of its own so names and ids stay put. */
  responseType: ResponseType
  tau: number
  /** Extra distinct items per order (Poisson mean). */
  basket: number
  /** Taste over categories, sums to 1. */
  taste: number[]
  // history, filled by the simulation
  orders: Order[]
  winbacksReceived: number[]
  vipReceived: number[]
  campaigns: CampaignMembership[]
  /** Active (not gone quiet) at the end of the data. */
  activeAtEnd: boolean
}

/**
 * Response type given what else we know: deal-prone customers are mostly
 * persuadable or strong, loyal low-proneness regulars mostly sure things,
 * one-timers often lost causes. Observable history (codes used, sale orders,
 * segment) therefore predicts the type, as a model must learn.
 */
function typeWeights(segment: Segment, s: number): number[] {
  const sure = { 'one-time': 0.2, occasional: 0.4, loyal: 0.75 }[segment]
  const lost = { 'one-time': 0.35, occasional: 0.1, loyal: 0.03 }[segment]
  // order as RESPONSE_TYPES: sure-thing, persuadable, strong, sleeping-dog, lost-cause
  return [sure * (1 - s) ** 2, 0.12 + 0.55 * s, 0.03 + 0.7 * s * s, (segment === 'loyal' ? 0.16 : 0.1) * (1 - s), lost * (1 - 0.5 * s)]
}

const TYPES: readonly ResponseType[] = ['sure-thing', 'persuadable', 'strong', 'sleeping-dog', 'lost-cause']
const TAU_SPREAD: Record<ResponseType, [number, number, number]> = {
  // [sd, min, max] around TAU_MEAN
  'sure-thing': [0, 0, 0],
  persuadable: [0.25, 0.4, 1.6],
  strong: [0.3, 1.4, 2.8],
  'sleeping-dog': [0.12, -0.9, -0.2],
  'lost-cause': [0, 0, 0],
}

function drawResponse(traits: Random, segment: Segment, s: number): { type: ResponseType; tau: number } {
  const type = traits.weighted(TYPES, typeWeights(segment, s))
  const [sd, min, max] = TAU_SPREAD[type]
  const tau = sd === 0 ? TAU_MEAN[type] : Math.min(max, Math.max(min, TAU_MEAN[type] + sd * traits.normal()))
  return { type, tau: Math.round(tau * 1000) / 1000 }
}

/** Customers who need a nudge drift away more often (so lapsed customers are more often persuadable). */
const DROPOUT_FACTOR: Record<ResponseType, number> = { 'sure-thing': 0.8, persuadable: 1.4, strong: 1.4, 'sleeping-dog': 1, 'lost-cause': 1.5 }
/** Lost causes hardly buy at all; sure things buy steadily. */
const RATE_FACTOR: Record<ResponseType, number> = { 'sure-thing': 1.15, persuadable: 1, strong: 1, 'sleeping-dog': 1, 'lost-cause': 0.5 }

function arrivalWeights(): number[] {
  return Array.from({ length: DAYS }, (_v, day) => {
    const sale = siteSaleOn(day)
    return seasonFactor(day) * weekdayFactor(day) * growthFactor(day) * (sale ? sale.buzz : 1)
  })
}

export function makeCustomers(random: Random, traits: Random, places: readonly Place[], count: number = CUSTOMER_COUNT): Customer[] {
  const weights = arrivalWeights()
  const days = weights.map((_w, d) => d)
  const placeWeights = places.map((p) => p.weight)
  const usedEmails = new Set<string>()
  const acquired = Array.from({ length: count }, () => random.weighted(days, weights)).sort((a, b) => a - b)
  const customers = acquired.map((acquiredDay, index): Customer => {
    const firstName = random.pick(FIRST_NAMES)
    const lastName = random.pick(LAST_NAMES)
    let email = ''
    for (let n = 0; email === '' || usedEmails.has(email); n++) {
      const style = random.int(0, 3)
      const local = [
        `${asciiLocal(firstName)}.${asciiLocal(lastName)}`,
        `${asciiLocal(firstName)[0]}${asciiLocal(lastName)}`,
        `${asciiLocal(firstName)}${asciiLocal(lastName)[0]}`,
        `${asciiLocal(firstName)}_${asciiLocal(lastName)}`,
      ][style]
      email = `${local}${n > 0 ? n + random.int(1, 89) : ''}@${random.weighted(['example.com', 'example.net', 'example.org'], [6, 2, 2])}`
    }
    usedEmails.add(email)
    const acquiredInSale = siteSaleOn(acquiredDay) !== undefined
    const segment = random.weighted<Segment>(['one-time', 'occasional', 'loyal'], [42, 45, 13])
    // Deal hunters arrive during sales; everyone else mostly does not care much.
    const sensitivity = acquiredInSale ? random.beta(2.6, 1.6) : random.beta(1.1, 2.4)
    const rate = segment === 'one-time' ? random.gamma(1.5, 0.5) : segment === 'occasional' ? random.gamma(3, 3.4) : random.gamma(4, 5.5)
    const dropout = segment === 'one-time' ? random.beta(6, 4) : segment === 'occasional' ? random.beta(1.2, 14) : random.beta(1, 40)
    const favourites = CATEGORIES.map(() => random.gamma(0.45))
    const sum = favourites.reduce((a, b) => a + b, 0)
    const place = random.weighted(places, placeWeights)
    const acceptsMarketing = random.chance(0.4 + 0.35 * sensitivity)
    const response = drawResponse(traits, segment, sensitivity)
    return {
      index,
      id: String(6_512_300_000_000 + index * 32_768 + random.int(0, 32_000)),
      firstName,
      lastName,
      email,
      phone: random.chance(0.18) ? `+1${pad(random.int(201, 989), 3)}55501${pad(random.int(0, 99))}` : '',
      company: random.chance(0.03) ? `${lastName} ${random.pick(['Design', 'Studio', 'Interiors', '& Co.', 'Cafe'])}` : '',
      street: `${random.int(1, 2400)} ${random.pick(STREETS)}`,
      address2: random.chance(0.15) ? `Apt ${random.int(1, 40)}${random.pick(['', 'A', 'B'])}` : '',
      place,
      zip: place.zip(),
      acceptsMarketing,
      acceptsSms: acceptsMarketing && random.chance(0.12),
      acquiredDay,
      acquiredInSale,
      buyer: !random.chance(NON_BUYER_SHARE),
      segment,
      rate: rate * RATE_FACTOR[response.type],
      dropout: Math.min(0.95, dropout * DROPOUT_FACTOR[response.type]),
      sensitivity,
      responseType: response.type,
      tau: response.tau,
      basket: segment === 'loyal' ? 0.9 : 0.55,
      taste: favourites.map((f) => f / sum),
      orders: [],
      winbacksReceived: [],
      vipReceived: [],
      campaigns: [],
      activeAtEnd: false,
    }
  })
  // Newsletter sign-ups never buy: whatever they receive, nothing works.
  for (const c of customers) if (!c.buyer) Object.assign(c, { responseType: 'lost-cause', tau: 0 })
  return customers
}