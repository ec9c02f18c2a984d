import type { CliCommand } from '../command'
import { describeOverview } from '../format-output'
import { print } from '../output'

export const overviewCommand: CliCommand = {
  name: 'overview',
  usage: '  overview                     What is in the store',
  async run(argv, ctx) {
    const { values } = ctx.parse(argv, {})
    const overview = await ctx.open(values.db).call('data/overview', {})
    print(values.json, overview, () => describeOverview(overview))
    return 0
  },
}
