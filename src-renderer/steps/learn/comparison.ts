/**
 * The bar charts that set learned models beside baselines (purchase,
 * affinity): one bar row per entry, the chosen one marked, and the same
 * legend words in each.
 */
import type { MetricBar } from '../../components/MetricBarChart.svelte'
import { t } from '../../lib/i18n/i18n.svelte'
import { modelName } from '../../lib/i18n/labels'

interface Entry {
  name: string
  kind: 'model' | 'baseline'
}

/** Bar rows in the entries' order, with the measures `values` picks and a tooltip per entry. */
export function comparisonBars<E extends Entry>(
  entries: readonly E[],
  chosenName: string | undefined,
  values: (entry: E) => number[],
  tooltip: (entry: E) => string,
): MetricBar[] {
  return entries.map((entry) => ({
    id: entry.name,
    label: modelName(entry.name),
    kind: entry.kind,
    chosen: entry.name === chosenName,
    values: values(entry),
    tooltip: tooltip(entry),
  }))
}

/** What the bar colours and the check mark stand for. */
export function comparisonLegend(): { model: string; baseline: string; chosen: string } {
  return { model: t('learn.kind.model'), baseline: t('learn.kind.baseline'), chosen: t('learn.chosen') }
}
