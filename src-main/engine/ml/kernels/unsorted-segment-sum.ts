/**
 * UnsortedSegmentSum in plain JavaScript, for the wasm and cpu backends.
 *
 * Why: the gradient of tf.gather (so of every embedding layer) is an
 * UnsortedSegmentSum. The wasm backend has no such kernel ("Kernel
 * 'UnsortedSegmentSum' not registered for backend 'wasm'"), and the cpu
 * backend's one loops over every segment for every row (O(rows × segments)),
 * which made an embedding epoch take minutes. One pass over the rows is
 * O(rows × inner) and fast enough on both. The 'tensorflow' backend
 * (tfjs-node) has a native kernel and is left alone.
 */
import * as tf from '@tensorflow/tfjs'
import { kernelMemory, type NumericArray } from './kernel-memory'

const KERNEL_NAME = 'UnsortedSegmentSum'

/** Backends that get this kernel (the native one is better where it exists). */
export const SEGMENT_SUM_BACKENDS = ['wasm', 'cpu'] as const

/**
 * out[id, :] = sum of x[row, :] over rows whose segment id is `id`.
 * x is `rows × inner` row-major; ids outside [0, numSegments) are dropped
 * (TensorFlow drops negative ids; the gradient of gather never makes any).
 */
export function segmentSum(
  x: ArrayLike<number>,
  segmentIds: ArrayLike<number>,
  inner: number,
  numSegments: number,
  out: NumericArray,
): NumericArray {
  const rows = segmentIds.length
  for (let r = 0; r < rows; r++) {
    const id = segmentIds[r]
    if (id < 0 || id >= numSegments) continue
    const src = r * inner
    const dst = id * inner
    for (let j = 0; j < inner; j++) out[dst + j] += x[src + j]
  }
  return out
}

/** The part of the kernel the backends share: read inputs, sum, write the output. */
function unsortedSegmentSumKernel(params: {
  inputs: tf.NamedTensorInfoMap
  backend: {}
  attrs?: tf.NamedAttrMap
}): tf.TensorInfo {
  const { x, segmentIds } = params.inputs
  if (!x || !segmentIds) throw new Error('UnsortedSegmentSum: needs inputs x and segmentIds')
  const numSegments = Number(params.attrs?.numSegments)
  if (x.dtype !== 'float32' && x.dtype !== 'int32') {
    throw new Error(`UnsortedSegmentSum: unsupported dtype ${x.dtype}`)
  }
  // segmentIds may have any rank as long as its shape is a prefix of x's:
  // each id then owns a contiguous block of `inner` values.
  const rank = segmentIds.shape.length
  for (let d = 0; d < rank; d++) {
    if (segmentIds.shape[d] !== x.shape[d]) {
      throw new Error(`UnsortedSegmentSum: segmentIds shape ${segmentIds.shape} is not a prefix of x shape ${x.shape}`)
    }
  }
  const innerShape = x.shape.slice(rank)
  const inner = innerShape.reduce((a, b) => a * b, 1)
  const memory = kernelMemory(params.backend)
  const result = memory.output([numSegments, ...innerShape], x.dtype) // zero-filled; before any read
  segmentSum(memory.read(x), memory.read(segmentIds), inner, numSegments, result.values)
  return result.finish()
}

/**
 * Installs the kernel for one backend, replacing the one already there:
 * tf.registerKernel would also replace it but warns on every call, so the
 * old registration is removed first.
 */
export function registerUnsortedSegmentSum(backendName: string): void {
  if (tf.getKernel(KERNEL_NAME, backendName) !== undefined) tf.unregisterKernel(KERNEL_NAME, backendName)
  tf.registerKernel({ kernelName: KERNEL_NAME, backendName, kernelFunc: unsortedSegmentSumKernel })
}

/** True when the kernel installed for `backendName` is this one. */
export function hasFastSegmentSum(backendName: string): boolean {
  return tf.getKernel(KERNEL_NAME, backendName)?.kernelFunc === unsortedSegmentSumKernel
}
