import { describe, expect, it } from 'vitest'
import type { JobStep } from '../../../src-main/engine/api'
import { estimateTrainingSeconds, RunClock } from '../../../src-main/engine/learn/run-clock'

const STEPS: JobStep[] = ['features', 'baselines', 'training-purchase', 'training-sequence', 'training-affinity', 'evaluating', 'scoring']

describe('the run clock', () => {
  it('counts the whole run: when the last model of the evaluation is fitted, most of scoring is still ahead', () => {
    const clock = new RunClock(STEPS)
    const beforeScoring = clock.doneShare('evaluating', 1)
    expect(beforeScoring).toBeLessThan(0.65)
    expect(clock.doneShare('scoring', 1)).toBeCloseTo(1, 10)
  })

  it('moves forward through every step and within a step', () => {
    const clock = new RunClock(STEPS)
    let last = -1
    for (const step of STEPS) {
      for (const fraction of [0, 0.5, 1]) {
        const share = clock.doneShare(step, fraction)
        expect(share).toBeGreaterThanOrEqual(last)
        last = share
      }
    }
  })

  it('says nothing before there is anything to scale from', () => {
    expect(new RunClock(STEPS).etaSeconds('features', 0)).toBeUndefined()
  })
})

describe('the training-time estimate', () => {
  it('grows with the shop, so a big shop is never promised a small shop time', () => {
    const small = estimateTrainingSeconds({ customers: 300, lines: 3_000 })
    const sample = estimateTrainingSeconds({ customers: 1_413, lines: 11_895 })
    const retail = estimateTrainingSeconds({ customers: 4_372, lines: 541_909 })
    expect(small).toBeLessThan(sample)
    expect(sample).toBeLessThan(retail)
    // Online Retail took almost five minutes on this kind of machine: the estimate must not say two.
    expect(retail).toBeGreaterThan(240)
  })
})
