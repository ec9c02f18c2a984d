/**
 * The lift maths on simulated campaigns with a known truth (pure maths on
 * synthetic members, no store): the reported 95 % intervals must hold the
 * true incremental conversion, revenue and profit in most of 30 seeds, and a
 * coupon that changes nothing must be called significant (p < 0.05) in no
 * more than about a tenth of them. A check that the same harness tells a too
 * narrow interval apart keeps the test honest: it can fail.
 */
import { describe, expect, it } from 'vitest'
import { measureLift, mulberry32, type LiftFigures, type LiftMember } from '../../../src-main/engine/results/lift'

const SEEDS = 30
const N_T = 600
const N_C = 300
const MARGIN = 0.5
/** List-price order values are uniform on [20, 80] (mean 50). */
const MEAN_VALUE = 50

interface Scenario {
  pTreated: number
  pControl: number
  /** Share of the list price the coupon takes off (0 = a coupon that changes nothing). */
  discount: number
}

/** One campaign: each member buys with their arm's chance, one order at a random list price, the treated paying less the discount. */
function simulate(s: Scenario, seed: number): LiftMember[] {
  const random = mulberry32(seed * 7919 + 13)
  const member = (arm: LiftMember['arm'], p: number, share: number): LiftMember => {
    if (random() >= p) return { arm, converted: false, orders: 0, revenue: 0, discount: 0, margin: MARGIN }
    const value = 20 + 60 * random()
    return { arm, converted: true, orders: 1, revenue: value * (1 - share), discount: value * share, margin: MARGIN }
  }
  return [...Array.from({ length: N_T }, () => member('treatment', s.pTreated, s.discount)), ...Array.from({ length: N_C }, () => member('control', s.pControl, 0))]
}

/** The truth, from the simulation's law: n_T × (expected per treated member − expected per control member). */
function truth(s: Scenario) {
  const profitPerBuyerT = MEAN_VALUE * MARGIN - MEAN_VALUE * s.discount
  const profitPerBuyerC = MEAN_VALUE * MARGIN
  return {
    conversion: s.pTreated - s.pControl,
    revenue: N_T * (s.pTreated * MEAN_VALUE * (1 - s.discount) - s.pControl * MEAN_VALUE),
    profit: N_T * (s.pTreated * profitPerBuyerT - s.pControl * profitPerBuyerC),
  }
}

function run(s: Scenario, level?: number): LiftFigures[] {
  return Array.from({ length: SEEDS }, (_, seed) => measureLift(simulate(s, seed + 1), { seed: seed + 1, resamples: 1000, ...(level ? { level } : {}) })!)
}

const inside = (i: { low: number; high: number }, value: number): boolean => i.low <= value && value <= i.high

describe('lift intervals on simulated campaigns with a known effect', () => {
  const effect: Scenario = { pTreated: 0.2, pControl: 0.12, discount: 0.1 }
  const known = truth(effect)

  it('the 95 % intervals hold the true conversion, revenue and profit lift in at least 80 % of 30 seeds', () => {
    expect(known.profit).toBeCloseTo(600, 8) // 600 × (0.2 × 20 − 0.12 × 25)
    const lifts = run(effect)
    expect(lifts.every((l) => l.level === 0.95)).toBe(true)
    const share = (hit: (l: LiftFigures) => boolean): number => lifts.filter(hit).length / SEEDS
    const conversion = share((l) => inside(l.conversionLift, known.conversion))
    const revenue = share((l) => inside(l.incrementalRevenue, known.revenue))
    const profit = share((l) => inside(l.incrementalProfit, known.profit))
    console.log(`coverage over ${SEEDS} seeds: conversion ${conversion}, revenue ${revenue}, profit ${profit}`)
    expect(conversion).toBeGreaterThanOrEqual(0.8)
    expect(revenue).toBeGreaterThanOrEqual(0.8)
    expect(profit).toBeGreaterThanOrEqual(0.8)
    // A real effect of this size is found most of the time (the test has power, not just coverage).
    expect(share((l) => l.conversionP < 0.05)).toBeGreaterThanOrEqual(0.6)
  })

  it('the same harness rejects an interval that is too narrow (a 40 % interval misses the truth far more often)', () => {
    const narrow = run(effect, 0.4)
    const covered = narrow.filter((l) => inside(l.incrementalProfit, known.profit)).length / SEEDS
    expect(covered).toBeLessThan(0.8)
  })
})

describe('a coupon that changes nothing', () => {
  it('is reported significant (p < 0.05) in no more than about 10 % of 30 seeds, for conversion, revenue and profit', () => {
    const none: Scenario = { pTreated: 0.15, pControl: 0.15, discount: 0 }
    expect(truth(none)).toEqual({ conversion: 0, revenue: 0, profit: 0 })
    const lifts = run(none)
    const alarms = (p: (l: LiftFigures) => number): number => lifts.filter((l) => p(l) < 0.05).length
    const counts = { conversion: alarms((l) => l.conversionP), revenue: alarms((l) => l.revenueP), profit: alarms((l) => l.profitP) }
    console.log(`false alarms over ${SEEDS} seeds: ${JSON.stringify(counts)}`)
    for (const count of Object.values(counts)) expect(count).toBeLessThanOrEqual(3)
    // The verdict's "distinguishable" flags agree with the p-values' story.
    expect(lifts.filter((l) => l.conversionDistinguishable).length).toBeLessThanOrEqual(3)
    expect(lifts.filter((l) => l.profitDistinguishable).length).toBeLessThanOrEqual(3)
  })
})
