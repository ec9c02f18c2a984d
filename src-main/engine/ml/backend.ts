/**
 * Picks where tensor maths runs, once per process:
 *   1. 'tensorflow' — native libtensorflow via @tensorflow/tfjs-node, an
 *      optional dependency that merchants' installs usually have;
 *   2. 'wasm' — WebAssembly (SIMD when available), about 4× the cpu backend;
 *   3. 'cpu' — plain JavaScript, always there.
 * The choice and the reason are reported for the CLI's --json and the UI.
 */
import { createRequire } from 'node:module'
import { dirname, sep } from 'node:path'
import * as tf from '@tensorflow/tfjs'
import { registerFastGather } from './kernels/gather'
import { registerFastSlice } from './kernels/slice'
import { registerUnsortedSegmentSum, SEGMENT_SUM_BACKENDS } from './kernels/unsorted-segment-sum'

export type BackendName = 'tensorflow' | 'wasm' | 'cpu'
export type BackendPreference = 'node' | 'wasm' | 'cpu'

export interface BackendInfo {
  name: BackendName
  /** One sentence for people: what was tried and why this one was picked. */
  reason: string
}

// createRequire rather than import: tfjs-node is optional (a static import
// would fail to resolve here, and bundlers would try to follow it), and the
// wasm package registers its backend as soon as it is loaded, so it is only
// loaded when it is wanted. In the electron-vite CJS bundle import.meta.url
// is rewritten to the bundle's own file URL.
const requireModule = createRequire(import.meta.url)

let settled: { prefer: BackendPreference | 'auto'; info: Promise<BackendInfo> } | null = null
let wasmPathsSet = false

/**
 * Sets up the backend and the custom kernels. Idempotent: later calls with
 * no preference, or the same one, return the first answer; a different
 * explicit preference switches backend (tfjs keeps initialised backends, so
 * switching back is cheap).
 */
export function initBackend(prefer?: BackendPreference): Promise<BackendInfo> {
  if (settled && (prefer === undefined || settled.prefer === prefer)) return settled.info
  const info = choose(prefer ?? 'node')
  settled = { prefer: prefer ?? 'auto', info }
  // A failed setup must not stick: the next call tries again.
  info.catch(() => {
    if (settled?.info === info) settled = null
  })
  return info
}

/** The backend chosen so far, or null before initBackend has finished. */
export function currentBackendName(): string | null {
  return settled ? tf.getBackend() : null
}

async function choose(prefer: BackendPreference): Promise<BackendInfo> {
  const notes: string[] = []
  if (prefer === 'node') {
    const node = await tryNode()
    if (node.ok) return finish('tensorflow', 'native TensorFlow (@tensorflow/tfjs-node) is installed')
    notes.push(`native TensorFlow unavailable (${node.why})`)
  }
  if (prefer === 'node' || prefer === 'wasm') {
    const wasm = await tryWasm()
    if (wasm.ok) return finish('wasm', [...notes, `using WebAssembly${wasm.simd ? ' with SIMD' : ''}`].join('; '))
    notes.push(`WebAssembly unavailable (${wasm.why})`)
  }
  if (!(await tf.setBackend('cpu'))) throw new Error('tfjs: even the cpu backend failed to start')
  return finish('cpu', [...notes, prefer === 'cpu' ? 'cpu backend requested' : 'using the plain JavaScript cpu backend'].join('; '))
}

async function finish(name: BackendName, reason: string): Promise<BackendInfo> {
  await tf.ready()
  // Production mode silences tfjs's console advice (the cpu backend's
  // "install our node backend" banner on stderr) and skips debug checks.
  tf.enableProdMode()
  // Plain-JS kernels where the backend's own are missing or slow (see kernels/).
  if ((SEGMENT_SUM_BACKENDS as readonly string[]).includes(name)) {
    registerUnsortedSegmentSum(name)
    registerFastGather(name)
  }
  if (name === 'cpu') registerFastSlice('cpu')
  return { name, reason }
}

type Attempt = { ok: true; simd?: boolean } | { ok: false; why: string }

async function tryNode(): Promise<Attempt> {
  try {
    // Loading the package registers the 'tensorflow' backend with tfjs-core.
    requireModule('@tensorflow/tfjs-node')
  } catch (error) {
    const code = (error as { code?: string }).code
    return { ok: false, why: code === 'MODULE_NOT_FOUND' ? 'not installed' : errorText(error) }
  }
  return (await setBackendQuietly('tensorflow')) ? { ok: true } : { ok: false, why: 'failed to start' }
}

async function tryWasm(): Promise<Attempt> {
  try {
    const wasm = requireModule('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm')
    if (!wasmPathsSet) {
      // The .wasm binaries ship in the package's dist folder; pointing tfjs at
      // that local folder means nothing is ever fetched from a URL.
      const dist = dirname(requireModule.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))
      wasm.setWasmPaths(dist + sep)
      wasmPathsSet = true
    }
    if (!(await setBackendQuietly('wasm'))) return { ok: false, why: 'failed to start' }
    return { ok: true, simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') === true }
  } catch (error) {
    return { ok: false, why: errorText(error) }
  }
}

/** tf.setBackend answers false (after logging) when a backend fails to initialise. */
async function setBackendQuietly(name: string): Promise<boolean> {
  try {
    return await tf.setBackend(name)
  } catch {
    return false
  }
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error)
  return message.split('\n')[0]
}
