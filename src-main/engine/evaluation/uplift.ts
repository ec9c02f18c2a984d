/**
 * Uplift metrics on a randomised experiment: members ranked by a model's
 * predicted uplift, each either treated or control, each converted or not.
 *
 * Members are ranked by score, best first. Members with tied scores cannot
 * be told apart, so curves have a point only at the end of each tie group
 * and a cut through a group takes that share of the group's counts (the
 * expected counts of breaking the tie at random): an all-tied model is the
 * random line, whatever the row order.
 *
 * With, in the top t members, n_T / n_C treated / control members of whom
 * y_T / y_C converted, and N members in all:
 *
 *   Qini (Radcliffe)    Q(t) = y_T − y_C · n_T / n_C          (y_T while n_C = 0)
 *   uplift curve        U(t) = (y_T / n_T − y_C / n_C) · (n_T + n_C)   (0 when either is 0)
 *
 * Both are reported per member of the whole set (÷ N) against the share
 * targeted t / N, so they read "incremental conversions per member" and
 * are comparable across set sizes. Random targeting is the straight line
 * from 0 to Q(N) / N.
 *
 *   qiniCoefficient = ∫₀¹ Q(x)/N dx − Q(N)/(2N)    area between the model's and the random Qini curve
 *   auuc            = ∫₀¹ U(x)/N dx                 area under the uplift curve
 *
 * Areas by the trapezoid rule over the tie-group ends. A perfect model puts
 * the treated converters first and the control converters last; a model
 * that ranks uplift backwards gets a negative coefficient.
 */

export interface UpliftPoint {
  share: number
  gain: number
}

interface Cumulative {
  n: number
  /** Member counts at each tie-group end (index 0: the empty head). */
  ends: number[]
  nT: number[]
  yT: number[]
  nC: number[]
  yC: number[]
}

function cumulative(scores: ArrayLike<number>, treated: ArrayLike<number | boolean>, converted: ArrayLike<number | boolean>): Cumulative {
  const n = scores.length
  if (treated.length !== n || converted.length !== n) throw new Error(`uplift: ${n} scores, ${treated.length} arms, ${converted.length} outcomes`)
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b)
  const c: Cumulative = { n, ends: [0], nT: [0], yT: [0], nC: [0], yC: [0] }
  let nT = 0
  let yT = 0
  let nC = 0
  let yC = 0
  for (let i = 0; i < n; ) {
    let j = i
    while (j < n && scores[order[j]] === scores[order[i]]) {
      const m = order[j]
      const y = converted[m] ? 1 : 0
      if (treated[m]) {
        nT++
        yT += y
      } else {
        nC++
        yC += y
      }
      j++
    }
    c.ends.push(j)
    c.nT.push(nT)
    c.yT.push(yT)
    c.nC.push(nC)
    c.yC.push(yC)
    i = j
  }
  return c
}

/** Counts in the top `depth` members (fractional through a tie group). */
function countsAt(c: Cumulative, depth: number): { nT: number; yT: number; nC: number; yC: number } {
  let g = 1
  while (g < c.ends.length - 1 && c.ends[g] < depth) g++
  const from = c.ends[g - 1]
  const size = c.ends[g] - from
  const f = size > 0 ? Math.max(0, Math.min(1, (depth - from) / size)) : 0
  const at = (xs: number[]): number => xs[g - 1] + f * (xs[g] - xs[g - 1])
  return { nT: at(c.nT), yT: at(c.yT), nC: at(c.nC), yC: at(c.yC) }
}

function qini(k: { nT: number; yT: number; nC: number; yC: number }): number {
  return k.nC > 0 ? k.yT - (k.yC * k.nT) / k.nC : k.yT
}

function upliftGain(k: { nT: number; yT: number; nC: number; yC: number }): number {
  return k.nT > 0 && k.nC > 0 ? (k.yT / k.nT - k.yC / k.nC) * (k.nT + k.nC) : 0
}

function curve(c: Cumulative, gain: (k: { nT: number; yT: number; nC: number; yC: number }) => number): UpliftPoint[] {
  if (c.n === 0) return []
  return c.ends.map((end, g) => ({ share: end / c.n, gain: gain({ nT: c.nT[g], yT: c.yT[g], nC: c.nC[g], yC: c.yC[g] }) / c.n }))
}

function area(points: UpliftPoint[]): number {
  let a = 0
  for (let i = 1; i < points.length; i++) a += ((points[i].share - points[i - 1].share) * (points[i].gain + points[i - 1].gain)) / 2
  return a
}

/** The model's Qini curve at the tie-group ends, from (0, 0) to (1, Q(N)/N). */
export function qiniCurve(scores: ArrayLike<number>, treated: ArrayLike<number | boolean>, converted: ArrayLike<number | boolean>): UpliftPoint[] {
  return curve(cumulative(scores, treated, converted), qini)
}

/** The uplift curve U(t)/N at the tie-group ends. */
export function upliftCurve(scores: ArrayLike<number>, treated: ArrayLike<number | boolean>, converted: ArrayLike<number | boolean>): UpliftPoint[] {
  return curve(cumulative(scores, treated, converted), upliftGain)
}

export function qiniCoefficient(scores: ArrayLike<number>, treated: ArrayLike<number | boolean>, converted: ArrayLike<number | boolean>): number {
  const points = qiniCurve(scores, treated, converted)
  if (points.length === 0) return 0
  return area(points) - points[points.length - 1].gain / 2
}

export function auuc(scores: ArrayLike<number>, treated: ArrayLike<number | boolean>, converted: ArrayLike<number | boolean>): number {
  return area(upliftCurve(scores, treated, converted))
}

/**
 * Observed conversion-rate difference, treated − control, among the top
 * `share` (0..1] of members by score. NaN when that slice has no treated or
 * no control member.
 */
export function upliftAt(scores: ArrayLike<number>, treated: ArrayLike<number | boolean>, converted: ArrayLike<number | boolean>, share: number): number {
  const c = cumulative(scores, treated, converted)
  const k = countsAt(c, Math.min(1, Math.max(0, share)) * c.n)
  return k.nT > 0 && k.nC > 0 ? k.yT / k.nT - k.yC / k.nC : Number.NaN
}

/** The same over everyone: what random targeting gets at any share. */
export function overallUplift(treated: ArrayLike<number | boolean>, converted: ArrayLike<number | boolean>): number {
  return upliftAt(new Float64Array(treated.length), treated, converted, 1)
}

/** A curve read at given shares by linear interpolation (for charts with a fixed number of points). */
export function resampleCurve(points: UpliftPoint[], shares: readonly number[]): UpliftPoint[] {
  if (points.length === 0) return shares.map((share) => ({ share, gain: 0 }))
  return shares.map((share) => {
    let i = 1
    while (i < points.length - 1 && points[i].share < share) i++
    const a = points[i - 1]
    const b = points[Math.min(i, points.length - 1)]
    const f = b.share > a.share ? Math.max(0, Math.min(1, (share - a.share) / (b.share - a.share))) : 1
    return { share, gain: a.gain + f * (b.gain - a.gain) }
  })
}
