/**
 * What the whole shell needs: which step is open, the engine's app info and
 * settings (locale, currency). Loaded once at start.
 */
import type { AppInfo, Locale, Settings } from '../../../src-main/engine/api'
import { api } from '../api'
import { i18n } from '../i18n/i18n.svelte'

/** Only the steps that exist today; later steps join this list when they are built. */
export const STEPS = ['import', 'data', 'learn', 'plan', 'review', 'export', 'results'] as const
export type StepId = (typeof STEPS)[number]

class AppState {
  step = $state<StepId>('import')
  info = $state<AppInfo | null>(null)
  settings = $state<Settings | null>(null)
  loading = $state(true)
  loadError = $state<unknown>(null)
  /** Currency for money on screens that are not about one file. */
  currency = $derived(this.settings?.currency ?? 'USD')

  async load(): Promise<void> {
    this.loading = true
    this.loadError = null
    try {
      const [info, settings] = await Promise.all([api.call('app/info', {}), api.call('settings/get', {})])
      this.info = info
      this.settings = settings
      i18n.set(settings.locale)
    } catch (error) {
      this.loadError = error
    } finally {
      this.loading = false
    }
  }

  /** Switches at once, then saves; the UI must not wait for the disk. */
  async setLocale(locale: Locale): Promise<void> {
    i18n.set(locale)
    try {
      this.settings = await api.call('settings/set', { locale })
    } catch {
      // The switch already happened on screen; it just will not be remembered.
    }
  }

  async refreshSettings(): Promise<void> {
    this.settings = await api.call('settings/get', {})
  }

  go(step: StepId): void {
    this.step = step
  }
}

export const app = new AppState()
