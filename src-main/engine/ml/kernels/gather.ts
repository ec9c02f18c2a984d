/**
 * GatherV2 (tf.gather, embedding lookups, and fit()'s batch slicing) in
 * plain JavaScript for the wasm and cpu backends.
 *
 * Why: both built-in kernels copy element by element with index arithmetic
 * (about 1 ms to look up 1,024 rows of a 32-wide embedding on wasm, 1.7 ms
 * on cpu); copying whole rows is several times faster, and embedding lookups
 * were half of an affinity epoch. Strings go to the built-in cpu kernel.
 */
import * as tf from '@tensorflow/tfjs'
import { kernelMemory } from './kernel-memory'

type KernelParams = Parameters<tf.KernelFunc>[0]

/**
 * out[b, o, i, :] = x[b, o, indices[b, i], :] over the flattened
 * [batch, outer, dim, slice] view of x that tfjs's gather defines.
 */
export function gatherRows(
  x: ArrayLike<number>,
  indices: ArrayLike<number>,
  info: { batchSize: number; outerSize: number; dimSize: number; sliceSize: number },
  out: { [i: number]: number },
): void {
  const { batchSize, outerSize, dimSize, sliceSize } = info
  const perBatch = indices.length / batchSize
  let dst = 0
  for (let b = 0; b < batchSize; b++) {
    for (let o = 0; o < outerSize; o++) {
      const base = (b * outerSize + o) * dimSize
      for (let i = 0; i < perBatch; i++) {
        const index = indices[b * perBatch + i]
        if (!(index >= 0 && index < dimSize)) throw new Error(`GatherV2: the index value ${index} is not in [0, ${dimSize - 1}]`)
        let src = (base + index) * sliceSize
        for (let j = 0; j < sliceSize; j++) out[dst++] = x[src++]
      }
    }
  }
}

function makeGather(builtIn: tf.KernelFunc | null): tf.KernelFunc {
  return (params: KernelParams) => {
    const { x, indices } = params.inputs
    if (!x || !indices) throw new Error('GatherV2: needs inputs x and indices')
    if (x.dtype !== 'float32' && x.dtype !== 'int32' && x.dtype !== 'bool') {
      if (builtIn) return builtIn(params)
      throw new Error(`GatherV2: unsupported dtype ${x.dtype}`)
    }
    const attrs = params.attrs ?? {}
    const axis = tf.util.parseAxisParam(attrs.axis as number, x.shape)[0]
    const batchDims = (attrs.batchDims as number | undefined) ?? 0
    const shapeInfo = tf.backend_util.segment_util.collectGatherOpShapeInfo(x, indices, axis, batchDims)
    const memory = kernelMemory(params.backend)
    const result = memory.output(shapeInfo.outputShape, x.dtype)
    gatherRows(memory.read(x), memory.read(indices), shapeInfo, result.values)
    return result.finish()
  }
}

const installed = new Map<string, tf.KernelFunc>()

/** Installs the kernel for a backend, replacing the built-in one (idempotent). */
export function registerFastGather(backendName: string): void {
  const current = tf.getKernel('GatherV2', backendName)
  if (installed.has(backendName) && current?.kernelFunc === installed.get(backendName)) return
  // Keep the built-in one for dtypes handled there only; wasm's own setup
  // (its cwrap of the C++ gather) is not needed by this kernel.
  const builtIn = current?.kernelFunc ?? null
  if (current) tf.unregisterKernel('GatherV2', backendName)
  const kernelFunc = makeGather(builtIn)
  installed.set(backendName, kernelFunc)
  tf.registerKernel({ kernelName: 'GatherV2', backendName, kernelFunc })
}

export function hasFastGather(backendName: string): boolean {
  return installed.has(backendName) && tf.getKernel('GatherV2', backendName)?.kernelFunc === installed.get(backendName)
}
