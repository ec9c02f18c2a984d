import type { CustomerSort } from '../../engine/api'
import { UsageError } from '../args'
import type { CliCommand } from '../command'
import { describeCustomers } from '../format-output'
import { print } from '../output'

export const customersCommand: CliCommand = {
  name: 'customers',
  usage: ['  customers [--top N] [--sort p-buy|spend|recent|discount-sensitivity] [--search TEXT]', '                               Customers with their scores from the latest training'].join('\n'),
  async run(argv, ctx) {
    const { values } = ctx.parse(argv, {
      top: { type: 'string', default: '20' },
      sort: { type: 'string', default: 'p-buy' },
      search: { type: 'string', default: '' },
    })
    const sort = values.sort as CustomerSort
    if (!['p-buy', 'spend', 'recent', 'discount-sensitivity'].includes(sort)) throw new UsageError('--sort must be p-buy, spend, recent or discount-sensitivity')
    const list = await ctx.open(values.db).call('customers/list', { search: values.search, sort, offset: 0, limit: Math.min(500, Math.max(1, Number(values.top))) })
    print(values.json, list, () => describeCustomers(list.rows, list.total))
    return 0
  },
}
