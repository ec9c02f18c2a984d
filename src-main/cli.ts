/** The CLI face: `offerwise …` (bin/offerwise.cjs runs the built out/main/cli.js). */
import { runCli } from './cli/run-cli'

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`offerwise: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
