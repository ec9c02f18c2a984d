import type { AffinityModel } from '../protocol'
import { customerItems } from './customer-items'

/**
 * The customer's own favourites: products they bought in the most orders
 * (ties: the more popular product), then the shop's most popular products
 * they have not bought to fill the list.
 */
export const OWN_REPEATS_BASELINE: AffinityModel = {
  name: 'own-repeats',
  scorer: ({ interactions }) => {
    const items = customerItems(interactions)
    const popular = Array.from({ length: items.products }, (_, i) => i).sort((a, b) => items.popularityRank[a] - items.popularityRank[b])
    return (row, k, exclude) => {
      const own: number[] = []
      for (let i = items.rowStart[row]; i < items.rowStart[row + 1]; i++) if (!exclude?.has(items.itemIndex[i])) own.push(i)
      own.sort((a, b) => items.itemWeight[b] - items.itemWeight[a] || items.popularityRank[items.itemIndex[a]] - items.popularityRank[items.itemIndex[b]])
      const ranked = own.slice(0, k).map((i) => items.itemIndex[i])
      const taken = new Set(ranked)
      for (let p = 0; p < popular.length && ranked.length < k; p++) {
        if (!taken.has(popular[p]) && !exclude?.has(popular[p])) ranked.push(popular[p])
      }
      return ranked
    }
  },
}
