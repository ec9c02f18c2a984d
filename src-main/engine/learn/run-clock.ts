import type { JobStep } from '../api'

/**
 * How long each step of a training run takes relative to the others, measured
 * on the sample shop and on Online Retail (wasm backend; see docs/learning.md).
 * Scoring retrains every chosen model on the latest window, so it weighs about
 * as much as the three training steps together.
 */
export const STEP_WEIGHTS: Readonly<Record<string, number>> = {
  features: 1.2,
  baselines: 0.4,
  'training-purchase': 1.5,
  'training-sequence': 2.5,
  'training-affinity': 3,
  evaluating: 0.05,
  scoring: 6,
}

/**
 * The ETA of a whole run, not of the model being fitted: elapsed time scaled
 * by how much of the run's weighted work is left. Early in a run (less than 5 %
 * of the work done) there is nothing to scale from, so it says nothing.
 */
export class RunClock {
  private readonly started = performance.now()
  private readonly order: readonly JobStep[]
  private readonly total: number

  constructor(steps: readonly JobStep[]) {
    this.order = steps
    this.total = steps.reduce((sum, step) => sum + (STEP_WEIGHTS[step] ?? 1), 0)
  }

  /** Share of the run's work done with `step` `fraction` (0..1) complete. */
  doneShare(step: JobStep, fraction: number): number {
    let done = 0
    for (const s of this.order) {
      if (s === step) break
      done += STEP_WEIGHTS[s] ?? 1
    }
    return (done + (STEP_WEIGHTS[step] ?? 1) * Math.min(1, Math.max(0, fraction))) / this.total
  }

  etaSeconds(step: JobStep, fraction: number): number | undefined {
    const share = this.doneShare(step, fraction)
    if (share < 0.05) return undefined
    return (this.elapsedSeconds() * (1 - share)) / share
  }

  elapsedSeconds(): number {
    return (performance.now() - this.started) / 1000
  }
}

/**
 * What a whole run will take on this computer, from the shop's size, before
 * it starts (the Learn step's promise). Linear in customers and order lines,
 * fitted on measured runs: sample shop (1,413 customers, 11.9k lines) and UCI
 * Online Retail (4,372 customers, 542k lines) on the WebAssembly backend.
 * tfjs-node is several times faster, so it is an upper estimate there.
 */
export function estimateTrainingSeconds(size: { customers: number; lines: number }): number {
  return Math.round(20 + 0.045 * size.customers + 0.00025 * size.lines)
}
