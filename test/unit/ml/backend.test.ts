import * as tf from '@tensorflow/tfjs'
import { describe, expect, it } from 'vitest'
import { currentBackendName, initBackend } from '../../../src-main/engine/ml/backend'

describe('initBackend', () => {
  it('falls back from native TensorFlow to wasm here, and says why', async () => {
    expect(currentBackendName()).toBeNull()
    const info = await initBackend()
    // tfjs-node is an optional dependency that cannot be installed on this
    // machine; on a merchant's machine the answer would be 'tensorflow'.
    expect(['tensorflow', 'wasm']).toContain(info.name)
    if (info.name === 'wasm') expect(info.reason).toMatch(/native TensorFlow unavailable \(not installed\); using WebAssembly/)
    expect(tf.getBackend()).toBe(info.name)
    expect(currentBackendName()).toBe(info.name)
  })

  it('is idempotent', async () => {
    const a = initBackend()
    const b = initBackend()
    expect(b).toBe(a)
    expect(await initBackend()).toEqual(await a)
  })

  it('switches when a different backend is asked for', async () => {
    expect((await initBackend('cpu')).name).toBe('cpu')
    expect(tf.getBackend()).toBe('cpu')
    expect((await initBackend('wasm')).name).toBe('wasm')
    expect(tf.getBackend()).toBe('wasm')
  })
})
