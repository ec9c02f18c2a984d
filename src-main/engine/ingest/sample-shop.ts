import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { EngineError } from '../api-schema'
import type { ImportJobRequest } from './file-registry'
import { inspectFile } from './inspect-file'

/**
 * The sample shop's files in import order: catalogue and customers first, so orders find them;
 * past campaigns last, so their members are the shop's customers and their outcomes its orders.
 */
const SAMPLE_FILES = ['products.csv', 'customers.csv', 'orders.csv.gz', 'orders.csv', 'campaigns.csv'] as const

export async function sampleShopRequests(resourcesDir: string): Promise<ImportJobRequest[]> {
  const folder = join(resourcesDir, 'sample-shop')
  const paths = SAMPLE_FILES.map((name) => join(folder, name)).filter((path) => existsSync(path))
  if (paths.length === 0) throw new EngineError('import.sample-missing', `The sample shop is missing from ${folder}.`)
  const requests: ImportJobRequest[] = []
  for (const path of paths) {
    const inspection = await inspectFile(path, {})
    requests.push({ path, presetId: inspection.presetId, mapping: inspection.mapping, dateOrder: 'auto', currency: inspection.currency ?? 'USD' })
  }
  return requests
}
