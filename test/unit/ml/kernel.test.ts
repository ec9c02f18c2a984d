import * as tf from '@tensorflow/tfjs'
import { describe, expect, it } from 'vitest'
import { initBackend, type BackendPreference } from '../../../src-main/engine/ml/backend'
import { hasFastSegmentSum, segmentSum } from '../../../src-main/engine/ml/kernels/unsorted-segment-sum'
import { hasFastSlice, sliceValues } from '../../../src-main/engine/ml/kernels/slice'
import { hasFastGather } from '../../../src-main/engine/ml/kernels/gather'
import { glorot, embeddingInitializer } from '../../../src-main/engine/ml/initializers'

/** Reference: the definition, with nested loops over segments and rows. */
function reference(x: number[], shape: number[], ids: number[], numSegments: number): number[] {
  const inner = shape.slice(1).reduce((a, b) => a * b, 1)
  const out: number[] = []
  for (let s = 0; s < numSegments; s++) {
    for (let j = 0; j < inner; j++) {
      let sum = 0
      for (let r = 0; r < ids.length; r++) if (ids[r] === s) sum += x[r * inner + j]
      out.push(sum)
    }
  }
  return out
}

const cases: { name: string; shape: number[]; ids: number[]; numSegments: number }[] = [
  { name: '1-D, repeated and out-of-order ids, an empty segment', shape: [6], ids: [2, 0, 2, 1, 0, 2], numSegments: 4 },
  { name: '2-D rows', shape: [5, 3], ids: [4, 1, 1, 0, 4], numSegments: 5 },
  { name: '3-D rows, all in one segment', shape: [4, 2, 3], ids: [1, 1, 1, 1], numSegments: 3 },
  { name: 'more segments than rows', shape: [2, 4], ids: [7, 3], numSegments: 9 },
]

describe('segmentSum (plain function)', () => {
  it('sums rows into their segments, by hand', () => {
    // rows [1,2], [3,4], [5,6] into segments 1, 0, 1 of 3
    const out = segmentSum([1, 2, 3, 4, 5, 6], [1, 0, 1], 2, 3, new Float32Array(6))
    expect(Array.from(out)).toEqual([3, 4, 6, 8, 0, 0])
  })
  it('drops ids outside [0, numSegments)', () => {
    const out = segmentSum([1, 2, 3], [0, -1, 5], 1, 2, new Float32Array(2))
    expect(Array.from(out)).toEqual([1, 0])
  })
})

for (const backend of ['cpu', 'wasm'] as BackendPreference[]) {
  describe(`UnsortedSegmentSum kernel on ${backend}`, () => {
    it('is installed in place of the built-in one (or the missing one)', async () => {
      const info = await initBackend(backend)
      expect(info.name).toBe(backend)
      expect(tf.getBackend()).toBe(backend)
      expect(hasFastSegmentSum(backend)).toBe(true)
    })

    for (const c of cases) {
      it(`matches the reference: ${c.name}`, async () => {
        await initBackend(backend)
        const size = c.shape.reduce((a, b) => a * b, 1)
        const values = Array.from({ length: size }, (_, i) => ((i * 7) % 11) - 5 + i / 10)
        const result = tf.tidy(() =>
          tf.unsortedSegmentSum(tf.tensor(values, c.shape), tf.tensor1d(c.ids, 'int32'), c.numSegments),
        )
        expect(result.shape).toEqual([c.numSegments, ...c.shape.slice(1)])
        const got = Array.from(result.dataSync())
        result.dispose()
        const want = reference(values, c.shape, c.ids, c.numSegments)
        got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 5))
      })
    }

    it('handles int32 values', async () => {
      await initBackend(backend)
      const result = tf.unsortedSegmentSum(tf.tensor1d([1, 2, 3, 4], 'int32'), tf.tensor1d([1, 1, 0, 1], 'int32'), 2)
      expect(result.dtype).toBe('int32')
      expect(Array.from(result.dataSync())).toEqual([3, 7])
      result.dispose()
    })

    it('gives gather its gradient', async () => {
      await initBackend(backend)
      const table = tf.tensor2d([[1, 2], [3, 4], [5, 6]])
      const indices = tf.tensor1d([2, 0, 2], 'int32')
      // d/dW sum(gather(W, idx)) = how many times each row was gathered
      const grad = tf.grad((w: tf.Tensor) => tf.sum(tf.gather(w, indices)))(table)
      expect(Array.from(grad.dataSync())).toEqual([1, 1, 0, 0, 2, 2])
      tf.dispose([table, indices, grad])
    })

    it('lets an embedding model take training steps', async () => {
      await initBackend(backend)
      const ids = tf.input({ shape: [1], dtype: 'int32' })
      const embedded = tf.layers
        .embedding({ inputDim: 50, outputDim: 4, embeddingsInitializer: embeddingInitializer(1, 'e') })
        .apply(ids) as tf.SymbolicTensor
      const flat = tf.layers.flatten().apply(embedded) as tf.SymbolicTensor
      const out = tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: glorot(1, 'd') }).apply(flat) as tf.SymbolicTensor
      const model = tf.model({ inputs: ids, outputs: out })
      model.compile({ optimizer: tf.train.adam(0.05), loss: 'binaryCrossentropy' })
      const x = tf.tensor2d(Array.from({ length: 200 }, (_, i) => [i % 50]), [200, 1], 'int32')
      const y = tf.tensor2d(Array.from({ length: 200 }, (_, i) => [i % 50 < 25 ? 1 : 0]))
      const before = model.getWeights()[0].dataSync().slice()
      const history = await model.fit(x, y, { epochs: 5, batchSize: 32, verbose: 0, shuffle: false })
      const after = model.getWeights()[0].dataSync()
      const losses = history.history.loss as number[]
      expect(losses.every(Number.isFinite)).toBe(true)
      expect(losses[losses.length - 1]).toBeLessThan(losses[0])
      expect(after.some((v, i) => v !== before[i])).toBe(true)
      tf.dispose([x, y])
      model.dispose()
    })
  })
}

describe('fast Slice and SplitV on cpu', () => {
  /** Reference: element by element through coordinates. */
  function referenceSlice(values: number[], shape: number[], begin: number[], size: number[]): number[] {
    const out: number[] = []
    const total = size.reduce((a, b) => a * b, 1)
    for (let i = 0; i < total; i++) {
      let rest = i
      const loc = size.map((_, d) => {
        const inner = size.slice(d + 1).reduce((a, b) => a * b, 1)
        const v = Math.floor(rest / inner)
        rest %= inner
        return v + begin[d]
      })
      let flat = 0
      for (let d = 0; d < shape.length; d++) flat = flat * shape[d] + loc[d]
      out.push(values[flat])
    }
    return out
  }

  it('copies blocks like the element-wise definition', () => {
    const shape = [3, 4, 5]
    const values = Array.from({ length: 60 }, (_, i) => i)
    for (const [begin, size] of [
      [[0, 0, 0], [3, 4, 5]],
      [[1, 1, 2], [2, 2, 3]],
      [[0, 3, 0], [3, 1, 5]],
      [[2, 0, 4], [1, 4, 1]],
      [[0, 0, 0], [0, 4, 5]],
    ]) {
      expect(Array.from(sliceValues(Float32Array.from(values), shape, begin, size))).toEqual(referenceSlice(values, shape, begin, size))
    }
  })

  it('replaces the cpu kernels and agrees with tf.slice / tf.split semantics', async () => {
    await initBackend('cpu')
    expect(hasFastSlice('cpu')).toBe(true)
    const x = tf.tensor3d(Array.from({ length: 24 }, (_, i) => i), [2, 3, 4])
    expect(tf.slice(x, [0, 1, 1], [2, 2, -1]).arraySync()).toEqual([
      [[5, 6, 7], [9, 10, 11]],
      [[17, 18, 19], [21, 22, 23]],
    ])
    const [a, b] = tf.split(x, [1, 3], 2)
    expect(a.arraySync()).toEqual([[[0], [4], [8]], [[12], [16], [20]]])
    expect(b.shape).toEqual([2, 3, 3])
    const parts = tf.split(tf.tensor2d([[1, 2, 3, 4, 5, 6]], [1, 6], 'int32'), 3, 1)
    expect(parts.map((p) => Array.from(p.dataSync()))).toEqual([[1, 2], [3, 4], [5, 6]])
    expect(parts[0].dtype).toBe('int32')
    // Strings still work (handed to the built-in kernel).
    expect(tf.slice(tf.tensor1d(['a', 'b', 'c']), [1], [2]).arraySync()).toEqual(['b', 'c'])
    tf.dispose([x, a, b, ...parts])
  })
})

/** Reference gather (batchDims 0): out[pre, i, post] = x[pre, indices[i], post], by coordinates. */
function referenceGather(x: number[], shape: number[], indices: number[], axis: number): number[] {
  const pre = shape.slice(0, axis).reduce((a, b) => a * b, 1)
  const post = shape.slice(axis + 1).reduce((a, b) => a * b, 1)
  const out: number[] = []
  for (let p = 0; p < pre; p++)
    for (const index of indices) for (let q = 0; q < post; q++) out.push(x[(p * shape[axis] + index) * post + q])
  return out
}

for (const backend of ['cpu', 'wasm'] as BackendPreference[]) {
  describe(`GatherV2 kernel on ${backend}`, () => {
    it('is installed and matches the reference on several shapes and axes', async () => {
      await initBackend(backend)
      expect(hasFastGather(backend)).toBe(true)
      const cases: { shape: number[]; indices: number[]; indexShape: number[]; axis: number }[] = [
        { shape: [5], indices: [4, 0, 0, 2], indexShape: [4], axis: 0 },
        { shape: [6, 3], indices: [5, 1, 1], indexShape: [3], axis: 0 },
        { shape: [6, 3], indices: [2, 0, 1, 2], indexShape: [2, 2], axis: 1 },
        { shape: [2, 4, 3], indices: [3, 0], indexShape: [2], axis: 1 },
        { shape: [2, 4, 3], indices: [], indexShape: [0], axis: 0 },
      ]
      for (const c of cases) {
        const size = c.shape.reduce((a, b) => a * b, 1)
        const values = Array.from({ length: size }, (_, i) => i * 1.5 - 3)
        const out = tf.tidy(() => tf.gather(tf.tensor(values, c.shape), tf.tensor(c.indices, c.indexShape, 'int32'), c.axis))
        const shape = [...c.shape.slice(0, c.axis), ...c.indexShape, ...c.shape.slice(c.axis + 1)]
        expect(out.shape).toEqual(shape)
        expect(Array.from(out.dataSync())).toEqual(referenceGather(values, c.shape, c.indices, c.axis))
        out.dispose()
      }
    })

    it('handles batchDims, int32 and bool, and rejects out-of-range indices', async () => {
      await initBackend(backend)
      // batchDims 1: row b takes its own indices
      const x = tf.tensor2d([[10, 11, 12], [20, 21, 22]])
      const batched = tf.gather(x, tf.tensor2d([[2, 0], [1, 1]], [2, 2], 'int32'), 1, 1)
      expect(batched.arraySync()).toEqual([[12, 10], [21, 21]])
      const ints = tf.gather(tf.tensor1d([7, 8, 9], 'int32'), tf.tensor1d([2, 2, 0], 'int32'))
      expect(ints.dtype).toBe('int32')
      expect(Array.from(ints.dataSync())).toEqual([9, 9, 7])
      const bools = tf.gather(tf.tensor1d([true, false, true], 'bool'), tf.tensor1d([1, 0], 'int32'))
      expect(Array.from(bools.dataSync())).toEqual([0, 1])
      expect(() => tf.gather(x, tf.tensor1d([2], 'int32'))).toThrow(/not in \[0, 1\]/)
      tf.dispose([x, batched, ints, bools])
    })
  })
}
