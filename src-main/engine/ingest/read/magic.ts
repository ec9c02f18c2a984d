/** What the first bytes say the content is, before any text sniffing. */
export type ContentKind = 'zip' | 'old-excel' | 'other'

export function contentKind(bytes: Uint8Array): ContentKind {
  // Local file header of a zip archive; every .xlsx is one.
  if (hasPrefix(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip'
  // OLE2 compound file: .xls (and old .doc), which exceljs cannot read.
  if (hasPrefix(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'old-excel'
  return 'other'
}

function hasPrefix(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, k) => bytes[k] === b)
}
