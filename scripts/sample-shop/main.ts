/**
 * Generates the sample shop behind "Try the sample shop": two years of a
 * fictional small online home-and-gift shop ("Juniper Lane") as Shopify
 * exports, two randomised coupon tests, and the hidden truth about how each
 * customer responds to a discount (resources/sample-shop/README.md).
 *
 *   npm run sample-shop -- [--seed 20240101] [--customers 1500] [--out dir] [--truth file.csv]
 *
 * `--customers` scales the shop (the bench trains on a 20,000-customer one);
 * only the default size is shipped in resources/.
 *   npx tsx scripts/sample-shop/main.ts [same options]
 */
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { DEFAULT_SEED, buildSampleShop, writeSampleShop } from './shop'

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? process.argv[index + 1] : undefined
}

function main(): void {
  const seed = Number(argument('seed') ?? DEFAULT_SEED)
  const outDir = resolve(argument('out') ?? join(process.cwd(), 'resources/sample-shop'))
  const truth = argument('truth')
  const customers = argument('customers')
  const shop = buildSampleShop(seed, customers === undefined ? {} : { customers: Number(customers) })
  const written = writeSampleShop(shop, outDir, truth ? resolve(truth) : undefined)
  console.log(JSON.stringify(shop.stats, null, 2))
  console.log(`wrote ${written.files.join(', ')}${truth ? ` and ${truth}` : ''}`)
  console.log(`sha256 ${written.hash}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
