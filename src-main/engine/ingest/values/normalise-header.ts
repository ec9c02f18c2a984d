/**
 * A header name as format detection compares it: BOM and surrounding quotes
 * removed (Excel and some exporters leave both), whitespace collapsed (tabs,
 * non-breaking and double spaces), lower case.
 */
export function normaliseHeader(header: string): string {
  let text = header.replace(/\uFEFF/g, '').trim()
  // Quotes only when they wrap the whole name: 'Customer "VIP" flag' keeps its quotes.
  for (const [open, close] of [['"', '"'], ["'", "'"], ['“', '”'], ['「', '」']]) {
    if (text.length >= 2 && text.startsWith(open) && text.endsWith(close)) {
      text = text.slice(open.length, text.length - close.length).trim()
      break
    }
  }
  return text.replace(/\s+/g, ' ').toLowerCase()
}
