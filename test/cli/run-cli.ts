import { spawn, spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { tempDir } from '../support/temp-dir'

export const ROOT = resolve(__dirname, '../..')
export const CLI = join(ROOT, 'out/main/cli.js')
/** The public data beside the repository (see README), or where OFFERWISE_SHARED_DATA points. */
export const SHARED_DATA = process.env.OFFERWISE_SHARED_DATA ?? resolve(ROOT, '../shared/data')
export const ONLINE_RETAIL_GZ = join(SHARED_DATA, 'online-retail/online_retail_2010-12-01_2011-12-09.csv.gz')
export const ONLINE_RETAIL_II_XLSX = join(SHARED_DATA, 'online-retail-ii/online_retail_II_2009-12_2010-01.xlsx')

export function requireBuild(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`)
}

export function requireSharedData(): void {
  if (!existsSync(ONLINE_RETAIL_GZ)) throw new Error(`The real data is missing at ${SHARED_DATA}; set OFFERWISE_SHARED_DATA to the folder holding online-retail/ and online-retail-ii/.`)
}

export function tempDb(): string {
  return join(tempDir('ow-cli-'), 'offerwise.sqlite')
}

export interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

export function offerwise(args: string[]): CliRun {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

export function offerwiseJson<T>(args: string[]): T {
  const run = offerwise([...args, '--json'])
  if (run.status !== 0) throw new Error(`offerwise ${args.join(' ')} exited ${run.status}: ${run.stderr}`)
  return JSON.parse(run.stdout) as T
}

/**
 * Starts `offerwise import FILE` on the store and kills it (SIGKILL) once it has written
 * a good part of its transaction (over 1 MB of WAL), so it is truly mid-way. Rejects if
 * the import finishes first.
 */
export async function killImportMidway(dbPath: string, file: string): Promise<void> {
  const child = spawn(process.execPath, [CLI, 'import', file, '--db', dbPath, '--json'], { stdio: 'ignore' })
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit))
  const wal = `${dbPath}-wal`
  await new Promise<void>((resolveKill, rejectKill) => {
    const timer = setInterval(() => {
      if (existsSync(wal) && statSync(wal).size > 1024 * 1024) {
        clearInterval(timer)
        child.kill('SIGKILL')
        resolveKill()
      }
    }, 5)
    child.once('exit', (code) => {
      clearInterval(timer)
      rejectKill(new Error(`the import finished (exit ${code}) before it could be killed`))
    })
  })
  await exited
}
