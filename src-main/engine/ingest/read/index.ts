export { sniffFile } from './sniff'
export { readRows } from './read-rows'
export type { ReadRowsOptions } from './read-text-rows'
export type { Delimiter, FileKind, FileLayout, RawRow, ReadOptions, RowBatch, SniffResult, TextEncoding } from './types'
