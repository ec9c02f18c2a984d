import type { AffinityModel } from '../protocol'
import { topK } from '../top-k'
import { customerItems } from './customer-items'

/** The same list for everyone: products bought by the most distinct customers before the cutoff. */
export const POPULARITY_BASELINE: AffinityModel = {
  name: 'popularity',
  scorer: ({ interactions }) => {
    const items = customerItems(interactions)
    return (_row, k, exclude) => topK(items.buyers, k, items.popularityRank, exclude)
  },
}
