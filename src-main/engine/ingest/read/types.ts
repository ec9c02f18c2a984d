import type { FileIssue } from '../../shared/issue'

/** Text encodings the readers detect and decode. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252'

/** `whitespace` means runs of spaces/tabs separate fields (fixed-width-ish text exports). */
export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace'

export type FileKind = 'csv' | 'xlsx'

/** One data row as the file wrote it: cells are strings, never parsed. */
export interface RawRow {
  /** 1-based physical line (CSV/text) or sheet row number (XLSX) where the row starts. */
  line: number
  cells: string[]
  /** CSV/text: the record's text exactly as decoded from the file (no line break), for rejects. */
  raw?: string
  /** CSV/text: set when the line held fewer values than the header has columns (cells were padded with ''). */
  found?: number
}

/** What sniffing found out about a file; enough to show a preview and to read it. */
export interface FileLayout {
  kind: FileKind
  gzip: boolean
  /** For CSV/text; XLSX is always UTF-8 internally and reports 'utf-8'. */
  encoding: TextEncoding
  /** For CSV/text; null for XLSX. */
  delimiter: Delimiter | null
  /**
   * Only with delimiter 'whitespace': 2 = columns are separated by a tab or 2+
   * spaces, so single spaces stay inside values ("United Kingdom"); 1 (the
   * default) = any run of spaces separates.
   */
  whitespaceRun?: 1 | 2
  /** XLSX only: all worksheet names, and the one that is read. */
  sheets: string[]
  sheet: string | null
  /** Column names from the header row, trimmed, BOM removed. */
  header: string[]
  /** Line/row number of the header (1-based). Usually 1; later when title rows precede it. */
  headerLine: number
  /** Up to `sampleSize` rows after the header. */
  sample: RawRow[]
  sizeBytes: number
}

export interface ReadOptions {
  /** Override detection. */
  encoding?: TextEncoding
  delimiter?: Delimiter
  sheet?: string
  /** Rows in the sniff sample (default 50). */
  sampleSize?: number
}

export interface RowBatch {
  rows: RawRow[]
  /** Rows that could not be read (ragged, broken quote...). Each counts as one input row. */
  issues: FileIssue[]
  /** Reading broke off here (cut-short .gz, damaged workbook, disk error); always the last batch. */
  stopped?: FileIssue
  /** Bytes of the file consumed so far (compressed bytes for .gz), for progress and ETA. */
  bytesRead: number
  sizeBytes: number
}

/** Sniffing either succeeds or says, in merchant words, why the file cannot be read. */
export type SniffResult = { ok: true; layout: FileLayout } | { ok: false; issue: FileIssue }
