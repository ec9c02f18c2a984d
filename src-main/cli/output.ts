import type { EngineErrorPayload } from '../engine/api'
import { EngineError } from '../engine/api-schema'
import { UsageError } from './args'

/** The result on stdout: JSON for scripts, else the human text. */
export function print<T>(json: boolean, value: T, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`)
}

/** An error on stderr (as JSON with --json); usage errors add the help text. Returns the exit code. */
export function fail(error: unknown, json: boolean, usage: string): number {
  const isUsage = error instanceof UsageError
  const payload: EngineErrorPayload =
    error instanceof EngineError
      ? { code: error.code, message: error.message, params: error.params }
      : { code: isUsage ? 'cli.usage' : 'cli.error', message: error instanceof Error ? error.message : String(error) }
  process.stderr.write(json ? `${JSON.stringify({ error: payload })}\n` : `offerwise: ${payload.message}\n${isUsage ? `\n${usage}\n` : ''}`)
  return isUsage ? 2 : 1
}
