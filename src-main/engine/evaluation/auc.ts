/**
 * Area under the ROC curve: the probability that a random buyer scores
 * higher than a random non-buyer, ties counting one half. Computed from
 * ranks (Mann–Whitney U) with tied scores sharing their average rank, so a
 * constant score gives exactly 0.5. NaN when only one class is present —
 * the question has no answer, and 0.5 would pretend it does.
 */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length
  if (labels.length !== n) throw new Error(`auc: ${n} scores but ${labels.length} labels`)
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b])
  let positives = 0
  let positiveRankSum = 0
  let i = 0
  while (i < n) {
    let j = i
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++
    // Ranks i+1 .. j+1 (1-based) shared by the tie group.
    const averageRank = (i + j + 2) / 2
    for (let t = i; t <= j; t++) {
      if (labels[order[t]] > 0) {
        positives++
        positiveRankSum += averageRank
      }
    }
    i = j + 1
  }
  const negatives = n - positives
  if (positives === 0 || negatives === 0) return Number.NaN
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}
