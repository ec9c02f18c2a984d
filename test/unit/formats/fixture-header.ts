import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import iconv from 'iconv-lite'

/**
 * The header row of a fixture, read without the engine's readers so these
 * tests exercise detection alone. Enough CSV for headers: BOM, GBK, quotes,
 * `,` or `;`.
 */
export const FIXTURES = resolve(__dirname, '../../fixtures/formats')
export const SHARED_DATA = resolve(__dirname, '../../../../shared/data')

export function decodeFile(path: string): string {
  const bytes = readFileSync(path)
  const text = path.includes('-gbk') ? iconv.decode(bytes, 'gbk') : bytes.toString('utf8')
  return text.replace(/^\uFEFF/, '')
}

export function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"'
        i++
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === delimiter) {
      cells.push(cell)
      cell = ''
    } else cell += char
  }
  cells.push(cell)
  return cells.map((value) => value.trim())
}

export function headerOf(path: string): string[] {
  const first = decodeFile(path).split(/\r?\n/)[0]
  const delimiter = (first.match(/;/g) ?? []).length > (first.match(/,/g) ?? []).length ? ';' : ','
  return splitCsvLine(first, delimiter)
}

export function fixtureHeader(name: string): string[] {
  return headerOf(join(FIXTURES, name))
}
