/**
 * Indices of the k largest scores, best first. Equal scores are ordered by
 * `tieRank` (lower first; e.g. a product's popularity rank) and then by
 * index, so rankings are deterministic and a zero-score tail falls back to
 * something sensible. Indices in `exclude` and scores that are not finite
 * never enter the list.
 */
export function topK(scores: ArrayLike<number>, k: number, tieRank?: ArrayLike<number>, exclude?: ReadonlySet<number>): number[] {
  const best: number[] = []
  if (k <= 0) return best
  const before = (a: number, b: number): boolean => {
    if (scores[a] !== scores[b]) return scores[a] > scores[b]
    const ra = tieRank ? tieRank[a] : 0
    const rb = tieRank ? tieRank[b] : 0
    return ra !== rb ? ra < rb : a < b
  }
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i]) || exclude?.has(i)) continue
    if (best.length === k && !before(i, best[k - 1])) continue
    // Insertion into a list of at most k: k is small (10-50), the catalogue is not.
    let at = best.length < k ? best.length : k - 1
    best[at] = i
    while (at > 0 && before(best[at], best[at - 1])) {
      ;[best[at], best[at - 1]] = [best[at - 1], best[at]]
      at--
    }
  }
  return best
}
