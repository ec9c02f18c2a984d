/** Normalised order status. Returns and cancellations are kept, never counted as sales. */
export type OrderStatus = 'paid' | 'cancelled' | 'refunded' | 'partially_refunded' | 'pending' | 'other'

// Longest, most specific phrases first: "partially refunded" must not read as "refunded".
const RULES: [RegExp, OrderStatus][] = [
  [/partial+y[\s_-]*refund|部分退款/i, 'partially_refunded'],
  [/refund|returned|退款|退货|售后/i, 'refunded'],
  [/cancel|void|closed|failed|交易关闭|已取消|取消|关闭/i, 'cancelled'],
  // Chinese platforms describe paid orders by what happens next ("买家已付款，等待卖家发货",
  // "等待确认收货"): they contain 等待 but are sales, so they are matched before "pending".
  [/已付款|已发货|确认收货|交易成功|已完成|已签收/, 'paid'],
  [/pending|unpaid|authori[sz]ed|on[\s-]?hold|processing|等待|待付款|未付款/i, 'pending'],
  [/paid|complete|fulfilled|shipped|delivered|success|交易成功|已完成|已发货|已签收|完成/i, 'paid'],
]

export function normaliseStatus(financialStatus: string, cancelledAt: string): OrderStatus {
  if (cancelledAt !== '') return 'cancelled'
  if (financialStatus === '') return 'paid'
  for (const [pattern, status] of RULES) if (pattern.test(financialStatus)) return status
  return 'other'
}
