/**
 * Splits one line of a space-aligned text export ("fixed-width-ish" reports
 * pasted from a terminal or a PDF) into cells.
 *
 * `minRun` 2: a tab or two or more spaces separate columns, so single spaces
 * stay inside values ("United Kingdom"). `minRun` 1: any run of spaces/tabs
 * separates. A value wrapped in double quotes may contain spaces either way.
 */
export function splitWhitespace(line: string, minRun: 1 | 2): string[] {
  const cells: string[] = []
  const n = line.length
  let i = skipSpaces(line, 0)
  while (i < n) {
    let value: string
    if (line.charCodeAt(i) === 34) {
      // Quoted value: up to the closing quote, "" is a literal quote.
      let j = i + 1
      let text = ''
      for (;;) {
        const q = line.indexOf('"', j)
        if (q < 0) {
          text += line.slice(j)
          j = n
          break
        }
        if (line.charCodeAt(q + 1) === 34) {
          text += line.slice(j, q + 1)
          j = q + 2
          continue
        }
        text += line.slice(j, q)
        j = q + 1
        break
      }
      // Anything glued to the closing quote belongs to the same value.
      const end = separatorAt(line, j, minRun)
      value = text + line.slice(j, end)
      i = end
    } else {
      const end = separatorAt(line, i, minRun)
      value = line.slice(i, end)
      i = end
    }
    cells.push(value)
    i = skipSpaces(line, i)
  }
  return cells
}

/** Index of the next column separator at or after `from` (or the line's end). */
function separatorAt(line: string, from: number, minRun: 1 | 2): number {
  const n = line.length
  for (let k = from; k < n; k++) {
    const c = line.charCodeAt(k)
    if (c === 9) return k
    if (c === 32 && (minRun === 1 || k + 1 >= n || isSpace(line.charCodeAt(k + 1)))) return k
  }
  return n
}

function skipSpaces(line: string, from: number): number {
  let k = from
  while (k < line.length && isSpace(line.charCodeAt(k))) k++
  return k
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9
}
