import type { JobOutcome } from '../api'
import { EngineError } from '../api-schema'
import { createPlan } from '../planner/plan-service'
import { ResponseCancelled } from '../planner/response/learn-response'
import { openStore } from '../store/open-store'
import type { PlanJobInput, RawProgress } from './job-protocol'

const STEPS = ['plan-inputs', 'plan-response', 'plan-candidates'] as const

/** A new plan on the job's own connection: inputs, the response model, the matrix and the first solve, saved in one transaction. */
export async function runPlanJob(input: PlanJobInput, isCancelled: () => boolean, report: (progress: RawProgress) => void): Promise<JobOutcome> {
  const store = openStore(input.dbPath, { nativeBinding: input.nativeBinding })
  try {
    const planId = createPlan(
      store.db,
      input.settings,
      (step, fraction) => {
        // Between steps (and between the response model's fits) is where the work can stop; nothing is saved until the end.
        if (isCancelled()) throw new PlanCancelled()
        report({ step, rows: 0, unit: 'steps', done: STEPS.indexOf(step) + fraction, total: STEPS.length })
      },
      isCancelled,
    )
    return { status: 'planned', planId }
  } catch (error) {
    if (error instanceof PlanCancelled || error instanceof ResponseCancelled) return { status: 'cancelled', batchIds: [] }
    const known = error instanceof EngineError
    return {
      status: 'failed',
      issue: { row: 0, code: 'file.unreadable', message: error instanceof Error ? error.message : String(error), params: known ? { ...error.params, code: error.code } : undefined },
    }
  } finally {
    store.close()
  }
}

class PlanCancelled extends Error {}
