/** CSV text as Shopify writes it: quotes only where needed, `\n` line ends, money in dollars. */

export const money = (cents: number): string => (cents / 100).toFixed(2)

export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

export function csvLine(header: readonly string[], row: Record<string, string>): string {
  return header.map((name) => csvCell(row[name] ?? '')).join(',')
}
