/**
 * Direct access to tensor memory for the plain-JS kernels, on the cpu and
 * wasm backends, without copying whole inputs.
 *
 * cpu: readSync returns the stored typed array itself, and write() keeps the
 * array it is given.
 * wasm: tensors live in the WebAssembly heap; readSync would copy the whole
 * tensor out (fit() gathers each batch from the epoch's full inputs, so a copy
 * per batch would be the whole data set per batch). Instead outputs are
 * allocated in the heap and everything is read and written through views.
 * Growing the heap detaches old views, so allocate every output before
 * reading any input.
 */
import type * as tf from '@tensorflow/tfjs'

export type NumericArray = Float32Array | Int32Array | Uint8Array

export interface KernelMemory {
  /** Zero-filled output; call finish() once filled to get the kernel's result. */
  output(shape: number[], dtype: tf.DataType): { values: NumericArray; finish(): tf.TensorInfo }
  /** The tensor's values, not a copy: never write to them. */
  read(info: tf.TensorInfo): NumericArray
}

/** What the wasm backend (BackendWasm) offers beyond KernelBackend. */
interface HeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo
  typedArrayFromHeap(info: tf.TensorInfo): NumericArray
}

function isHeapBackend(backend: object): backend is HeapBackend {
  const b = backend as Partial<HeapBackend>
  return typeof b.makeOutput === 'function' && typeof b.typedArrayFromHeap === 'function'
}

function allocate(size: number, dtype: tf.DataType): NumericArray {
  switch (dtype) {
    case 'float32':
      return new Float32Array(size)
    case 'int32':
      return new Int32Array(size)
    case 'bool':
      return new Uint8Array(size)
    default:
      throw new Error(`plain-JS kernel: unsupported dtype ${dtype}`)
  }
}

// tfjs passes kernels the backend typed as {}; both backends implement
// KernelBackend, and wasm additionally HeapBackend (checked at run time).
export function kernelMemory(backend: object): KernelMemory {
  if (isHeapBackend(backend)) {
    return {
      output(shape, dtype) {
        const info = backend.makeOutput(shape, dtype)
        // Heap memory comes from malloc: not zeroed.
        const values = backend.typedArrayFromHeap(info).fill(0)
        return { values, finish: () => info }
      },
      read: (info) => backend.typedArrayFromHeap(info),
    }
  }
  const kernelBackend = backend as tf.KernelBackend
  return {
    output(shape, dtype) {
      const values = allocate(shape.reduce((a, b) => a * b, 1), dtype)
      return { values, finish: () => ({ dataId: kernelBackend.write(values, shape, dtype), shape, dtype }) }
    },
    read: (info) => kernelBackend.readSync(info.dataId) as NumericArray,
  }
}
