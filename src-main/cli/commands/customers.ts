import type { CustomerSort } from '../../engine/api'
import { UsageError } from '../args'
import type { CliCommand } from '../command'
import { describeCustomers } from '../format-output'
import { parseWholeNumber } from '../options'
import { print } from '../output'

export const customersCommand: CliCommand = {
  name: 'customers',
  usage: ['  customers [--top N (1-500)] [--sort p-buy|spend|recent|discount-sensitivity] [--search TEXT]', '                               Customers with their scores from the latest training'].join('\n'),
  async run(argv, ctx) {
    const { values } = ctx.parse(argv, {
      top: { type: 'string', default: '20' },
      sort: { type: 'string', default: 'p-buy' },
      search: { type: 'string', default: '' },
    })
    const sort = values.sort as CustomerSort
    if (!['p-buy', 'spend', 'recent', 'discount-sensitivity'].includes(sort)) throw new UsageError('--sort must be p-buy, spend, recent or discount-sensitivity')
    const limit = parseWholeNumber('--top', values.top, { min: 1, max: 500 })
    const engine = ctx.open(values.db)
    const list = await engine.call('customers/list', { search: values.search, sort, offset: 0, limit })
    const { currency } = await engine.call('settings/get', {})
    print(values.json, list, () => describeCustomers(list.rows, list.total, currency))
    return 0
  },
}
