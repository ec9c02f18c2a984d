import { basename } from 'node:path'

/**
 * Keeps letters (any script: merchants name files in Chinese), digits, dot,
 * dash, underscore and space; everything else — separators included — becomes
 * `_`. Extensions survive so `.csv.gz` and `.xlsx` still tell the importer what
 * it is reading.
 */
export function sanitiseFileName(raw: string): string {
  const base = basename(raw.replace(/\\/g, '/'))
  let name = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .replace(/^[.\s]+/, '')
    .trim()
  if (name === '') name = 'upload'
  if (name.length > 120) {
    const ext = name.match(/(\.[\p{L}\p{N}]{1,8}){1,2}$/u)?.[0] ?? ''
    name = name.slice(0, 120 - ext.length) + ext
  }
  return name
}
