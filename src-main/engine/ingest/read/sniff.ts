import { contentKind } from './magic'
import { fileOldExcel } from './messages'
import { readHead } from './read-head'
import { sniffText } from './sniff-text'
import { sniffXlsx } from './sniff-xlsx'
import type { ReadOptions, SniffResult } from './types'

/**
 * Works out how to read a file: gzip or not, workbook or text, encoding,
 * separator, where the header is. Never throws for a bad file: it returns the
 * reason in words a shop owner can act on.
 */
export async function sniffFile(path: string, options: ReadOptions = {}): Promise<SniffResult> {
  const read = await readHead(path)
  if (!read.ok) return read
  switch (contentKind(read.head.bytes)) {
    case 'zip':
      return sniffXlsx(path, read.head, options)
    case 'old-excel':
      return { ok: false, issue: fileOldExcel() }
    default:
      return sniffText(path, read.head, options)
  }
}
