/**
 * Slice and SplitV for the cpu backend, in plain JavaScript.
 *
 * Why: tfjs's cpu Slice copies a non-contiguous block one element at a time
 * through index arrays, and its SplitV is built on it. A GRU splits its gate
 * matrices along the last axis at every time step, so on cpu this was half
 * of a sequence model's training time. Copying whole runs of the last axis
 * is the same result, much faster. Only float32/int32/bool are handled here;
 * other dtypes (strings, complex) go to the built-in kernel.
 * The wasm backend has native kernels for both and is left alone.
 */
import * as tf from '@tensorflow/tfjs'

type Values = Float32Array | Int32Array | Uint8Array
type KernelParams = Parameters<tf.KernelFunc>[0]

/** Copies the block x[begin : begin + size] of a row-major array of `shape`. */
export function sliceValues(values: Values, shape: number[], begin: number[], size: number[]): Values {
  const rank = shape.length
  const length = size.reduce((a, b) => a * b, 1)
  const out = new (values.constructor as new (n: number) => Values)(length)
  if (length === 0) return out
  if (rank === 0) {
    out[0] = values[0]
    return out
  }
  const strides = new Array<number>(rank)
  strides[rank - 1] = 1
  for (let d = rank - 2; d >= 0; d--) strides[d] = strides[d + 1] * shape[d + 1]
  const run = size[rank - 1]
  const runs = length / run
  // An odometer over every dimension but the last; each step copies one run.
  const index = new Array<number>(rank - 1).fill(0)
  for (let r = 0; r < runs; r++) {
    let from = begin[rank - 1]
    for (let d = 0; d < rank - 1; d++) from += (begin[d] + index[d]) * strides[d]
    out.set(values.subarray(from, from + run), r * run)
    for (let d = rank - 2; d >= 0; d--) {
      if (++index[d] < size[d]) break
      index[d] = 0
    }
  }
  return out
}

function isHandled(dtype: string): boolean {
  return dtype === 'float32' || dtype === 'int32' || dtype === 'bool'
}

function readValues(backend: tf.KernelBackend, x: tf.TensorInfo): Values {
  return backend.readSync(x.dataId) as Values
}

function output(backend: tf.KernelBackend, values: Values, shape: number[], dtype: tf.DataType): tf.TensorInfo {
  return { dataId: backend.write(values, shape, dtype), shape, dtype }
}

function makeSlice(builtIn: tf.KernelFunc | null): tf.KernelFunc {
  return (params: KernelParams) => {
    const x = params.inputs.x
    if (!x) throw new Error('Slice: needs input x')
    if (!isHandled(x.dtype) && builtIn) return builtIn(params)
    // tfjs types the backend as {}; readSync and write are on KernelBackend.
    const backend = params.backend as tf.KernelBackend
    const attrs = params.attrs ?? {}
    const [begin, size] = tf.slice_util.parseSliceParams(x, attrs.begin as number[], attrs.size as number[])
    return output(backend, sliceValues(readValues(backend, x), x.shape, begin, size), size, x.dtype)
  }
}

function makeSplitV(builtIn: tf.KernelFunc | null): tf.KernelFunc {
  return (params: KernelParams) => {
    const x = params.inputs.x
    if (!x) throw new Error('SplitV: needs input x')
    if (!isHandled(x.dtype) && builtIn) return builtIn(params)
    const backend = params.backend as tf.KernelBackend
    const attrs = params.attrs ?? {}
    const axis = tf.util.parseAxisParam(attrs.axis as number, x.shape)[0]
    const sizes = tf.backend_util.prepareSplitSize(x, attrs.numOrSizeSplits as number[] | number, axis)
    const values = readValues(backend, x)
    const begin = new Array<number>(x.shape.length).fill(0)
    return sizes.map((s) => {
      const size = [...x.shape]
      size[axis] = s
      const part = output(backend, sliceValues(values, x.shape, begin, size), size, x.dtype)
      begin[axis] += s
      return part
    })
  }
}

const installed = new Map<string, tf.KernelFunc>()

/** Replaces the cpu backend's Slice and SplitV (idempotent). */
export function registerFastSlice(backendName = 'cpu'): void {
  for (const [name, make] of [
    ['Slice', makeSlice],
    ['SplitV', makeSplitV],
  ] as const) {
    const key = `${backendName}_${name}`
    const current = tf.getKernel(name, backendName)
    if (installed.has(key) && current?.kernelFunc === installed.get(key)) continue
    const builtIn = current?.kernelFunc ?? null
    if (current) tf.unregisterKernel(name, backendName)
    const kernelFunc = make(builtIn)
    installed.set(key, kernelFunc)
    tf.registerKernel({ kernelName: name, backendName, kernelFunc })
  }
}

export function hasFastSlice(backendName = 'cpu'): boolean {
  return tf.getKernel('Slice', backendName)?.kernelFunc === installed.get(`${backendName}_Slice`)
}
