import type { CanonicalField } from '../ingest/formats/fields'
import { parseMoneyCell } from '../ingest/pipeline/cell-values'
import { cleanExternalId } from '../ingest/pipeline/normalised'
import { round4 } from '../ingest/pipeline/normalise-order-line'
import { CellReader, missingField, type Normalised, type RowContext } from '../ingest/pipeline/row-context'
import type { CampaignDiscountType } from '../planner/offer-types'
import type { MemberRecord } from './member-record'
import { readDiscountType, readFlag, readGroup } from './member-vocabulary'

/** Types whose coupon is worth nothing without an amount. */
const NEEDS_VALUE: ReadonlySet<CampaignDiscountType> = new Set(['percent', 'fixed', 'spend_x_save_y'])

/**
 * A campaign-member row: who, which arm, which offer, which window, and the
 * outcomes when the file states them. The first problem becomes the row's
 * reject reason; nothing is guessed (an unknown group or discount word is a
 * reject, not a default).
 */
export function normaliseMember(ctx: RowContext, cells: readonly string[], lineNo: number): Normalised<MemberRecord> {
  const read = new CellReader(ctx, cells, lineNo)
  const campaign = read.text('campaign_id') || read.text('campaign_name')
  if (campaign === '') return fail(missingField(ctx, lineNo, ctx.columns.has('campaign_id') ? 'campaign_id' : 'campaign_name', 'The row names no campaign.'))
  const externalId = cleanExternalId(read.text('customer_id'))
  const email = read.text('customer_email').toLowerCase()
  if (externalId === '' && email === '') {
    return fail(missingField(ctx, lineNo, ctx.columns.has('customer_id') ? 'customer_id' : 'customer_email', 'The row has no customer id or e-mail.'))
  }

  const groupText = read.required('group')
  const arm = groupText === '' ? null : readGroup(groupText)
  if (groupText !== '' && arm === null) read.fail('group', 'campaign.group', `"${groupText}" is not a group: write treatment, control or holdout.`, { value: groupText })

  const valueText = read.text('discount_value')
  const typeText = read.text('discount_type')
  const stated = typeText === '' ? null : readDiscountType(typeText)
  if (typeText !== '' && stated === null) {
    read.fail('discount_type', 'campaign.discount-type', `"${typeText}" is not a discount type: percent, fixed, free_shipping, spend_x_save_y or none.`, { value: typeText })
  }
  // "10%" in the value column says the type when no type column does.
  const percentSign = /%\s*$/.test(valueText)
  const type: CampaignDiscountType | null = stated ?? (typeText !== '' ? null : percentSign ? 'percent' : valueText === '' ? 'none' : null)
  if (typeText === '' && type === null) {
    read.fail('discount_type', 'campaign.discount-type', 'The row states a discount amount but not its type.', { value: valueText })
  }
  const value = readAmount(ctx, read, 'discount_value', valueText.replace(/%\s*$/, ''))
  const minSpend = readAmount(ctx, read, 'min_spend', read.text('min_spend'))
  const revenue = readAmount(ctx, read, 'revenue', read.text('revenue'))
  const sent = read.date('sent_at', true)
  const expiresText = read.text('expires_at')
  const expires = read.date('expires_at', true)
  const redeemed = readFlagCell(read, 'redeemed')
  const converted = readFlagCell(read, 'converted')
  if (read.problem) return fail(read.problem)
  if (arm === null || type === null || sent === null || expires === null) return fail(missingField(ctx, lineNo, 'group', 'The row is incomplete.'))

  const discountValue = value ?? 0
  if (type === 'percent' && (discountValue <= 0 || discountValue > 100) && valueText !== '') {
    read.fail('discount_value', 'campaign.percent-range', `A percent discount must be above 0 and at most 100, not ${valueText}.`, { value: valueText })
  } else if (NEEDS_VALUE.has(type) && !(discountValue > 0)) {
    read.fail('discount_value', 'campaign.value-required', `A ${type} discount needs an amount above 0.`, { value: type })
  } else if (type === 'spend_x_save_y' && !((minSpend ?? 0) > 0)) {
    read.fail('min_spend', 'campaign.value-required', 'A spend-X-save-Y discount needs the spend X (min spend).', { value: type })
  } else if (type === 'none' && discountValue !== 0) {
    read.fail('discount_value', 'campaign.none-with-value', `The row says no discount but gives the amount ${valueText}.`, { value: valueText })
  }
  // A date without a time: sent at the start of that day, valid to its end.
  const expiresAt = /\d:\d/.test(expiresText) ? expires.local : `${expires.local.slice(0, 10)} 23:59:59`
  if (read.problem === null && expiresAt < sent.local) {
    read.fail('expires_at', 'campaign.window', `The coupon expires (${expiresAt}) before it was sent (${sent.local}).`, { found: expiresAt, expected: sent.local })
  }
  if (read.problem) return fail(read.problem)

  const orderKey = read.text('order_id')
  const code = read.text('code')
  return {
    ok: true,
    value: {
      campaignKey: `file:${campaign}`,
      campaignName: read.text('campaign_name') || campaign,
      externalId,
      email,
      arm,
      discountType: type,
      discountValue: round4(discountValue),
      minSpend: round4(minSpend ?? 0),
      appliesTo: read.text('applies_to'),
      sentAt: sent.local,
      expiresAt,
      code: code === '' ? null : code,
      redeemed,
      orderKey: orderKey === '' ? null : orderKey,
      converted,
      revenue: revenue === null ? null : round4(revenue),
    },
  }
}

function fail(problem: NonNullable<CellReader['problem']>): Normalised<MemberRecord> {
  return { ok: false, issue: problem }
}

/**
 * An amount of money or a plain number; null when empty; negative amounts are
 * rejected. Parsed from `text` rather than the cell, so "10%" can arrive with
 * its sign already taken off.
 */
function readAmount(ctx: RowContext, read: CellReader, field: CanonicalField, text: string): number | null {
  if (text === '') return null
  const parsed = parseMoneyCell(text, ctx.values)
  if (!parsed.ok) {
    read.fail(field, 'value.money', `"${text}" is not an amount of money.`, { value: text })
    return null
  }
  if (parsed.value !== null && parsed.value < 0) read.fail(field, 'campaign.value-negative', `"${text}" is negative.`, { value: text })
  return parsed.value
}

function readFlagCell(read: CellReader, field: CanonicalField): boolean | null {
  const text = read.text(field)
  const flag = readFlag(text)
  if (flag === undefined) {
    read.fail(field, 'campaign.flag', `"${text}" is not yes or no.`, { value: text })
    return null
  }
  return flag
}
