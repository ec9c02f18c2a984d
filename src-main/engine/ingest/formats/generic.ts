import type { CanonicalField } from './fields'
import { ORDER_ONLY_TOTAL, wordsFor } from './header-words'
import type { FormatPreset } from './preset'

/**
 * Fallback layouts for merchants' own spreadsheets and exports we do not
 * know. They have no signature: detection ranks them by how much of the file
 * their synonyms explain, and never above a specific preset that matched.
 *
 * Synonyms are English and Chinese words merchants actually put in headers,
 * then the other languages of header-words.ts (German, French, Spanish,
 * Italian, Dutch, Portuguese, Polish, Swedish, Japanese, Korean), appended by
 * `withLanguages` so English and Chinese keep precedence. Comparison ignores
 * case, spaces, punctuation and Latin accents, and a bracketed unit
 * ("Price (EUR)", "金额(元)") is ignored too, so only the words are listed.
 */
type Synonyms = Partial<Record<CanonicalField, readonly string[]>>

/** The English and Chinese synonyms as written here, before other languages are added (currency-hint.ts). */
export const BASE_SYNONYMS: string[] = []

function withLanguages(synonyms: Synonyms): Synonyms {
  for (const names of Object.values(synonyms)) BASE_SYNONYMS.push(...(names ?? []))
  return Object.fromEntries(
    Object.entries(synonyms).map(([field, names]) => [field, [...new Set([...(names ?? []), ...wordsFor(field as CanonicalField)])]]),
  ) as Synonyms
}

const ORDER: Synonyms = withLanguages({
  order_id: [
    'order id', 'order', 'order number', 'order no', 'order #', 'order ref', 'order reference',
    'invoice', 'invoice no', 'invoice number', 'invoice id', 'receipt', 'receipt no', 'transaction id',
    '订单号', '订单编号', '订单ID', '单号',
  ],
  order_date: [
    'order date', 'date', 'created at', 'created', 'purchase date', 'order time', 'invoice date',
    'date of purchase', 'sale date', 'transaction date', 'timestamp',
    '下单时间', '日期', '订单日期', '下单日期', '订单时间', '创建时间', '付款时间', '支付时间', '成交时间',
  ],
  customer_id: [
    'customer id', 'customer', 'client id', 'client', 'buyer', 'buyer id', 'user id', 'user', 'member id',
    'customer no', 'customer number', 'account', 'cust id', 'customer key', 'customer code', 'client no', 'client number',
    // Platform buyer accounts (淘宝/天猫 买家会员名, 京东 下单账号, 1688 买家账号 ...): they identify the buyer.
    // 收货人 (the recipient) does not: gifts go to other people, so it is only the customer's name below.
    '买家', '买家会员名', '买家账号', '买家帐号', '买家用户名', '买家旺旺', '旺旺', '下单账号', '下单帐号',
    '客户', '客户ID', '买家ID', '会员', '会员名', '会员账号', '会员ID', '用户ID', '用户名', '用户昵称', '买家昵称', '客户编号', '客户账号',
  ],
  customer_email: ['email', 'e-mail', 'email address', 'customer email', 'buyer email', '邮箱', '电子邮箱'],
  customer_name: ['customer name', 'client name', 'buyer name', 'full name', 'name of customer', '客户姓名', '买家姓名', '姓名', '收货人'],
  country: ['country', 'country code', 'ship country', 'shipping country', 'billing country', '国家', '国家/地区'],
  city: ['city', 'town', 'ship city', 'shipping city', 'billing city', '城市', '市'],
  currency: ['currency', 'currency code', 'curr', '币种', '货币'],
  financial_status: ['status', 'order status', 'payment status', 'financial status', '订单状态', '状态', '交易状态'],
  cancelled_at: ['cancelled at', 'canceled at', 'cancelled', 'canceled', 'cancel date', 'cancellation date', '取消时间'],
  discount_code: [
    'discount code', 'coupon', 'coupon code', 'promo code', 'promo', 'promotion code', 'voucher',
    'voucher code', 'code', '优惠券', '优惠码', '折扣码', '券码',
  ],
  shipping: ['shipping', 'shipping cost', 'shipping fee', 'delivery', 'delivery fee', 'postage', 'freight', '运费', '邮费'],
  order_total: [
    'total', 'order total', 'grand total', 'total amount', 'order amount', 'order value', 'total paid',
    'amount paid', '实付', '实付金额', '金额', '订单金额', '总金额', '合计', '实收金额',
  ],
  refunded_amount: ['refunded amount', 'refund', 'refunded', 'refund amount', 'returned amount', '退款金额', '退款'],
})

const LINE: Synonyms = withLanguages({
  sku: [
    'sku', 'product code', 'item code', 'stock code', 'stockcode', 'product id', 'item id', 'article',
    'article no', 'part number', 'variant sku', 'ean', 'barcode',
    '商品编码', '货号', '商家编码', '商品ID', '商品编号', 'SKU编码', '款号',
  ],
  product_name: [
    'product', 'product name', 'item', 'item name', 'name', 'title', 'product title', 'description',
    'item description', 'article name', '商品名称', '商品', '宝贝标题', '商品标题', '品名', '产品名称', '产品',
  ],
  category: ['category', 'type', 'product type', 'product category', 'department', 'collection', '类目', '分类', '品类', '商品类目'],
  quantity: ['qty', 'quantity', 'units', 'qty ordered', 'quantity ordered', 'pieces', 'pcs', 'count', '数量', '购买数量', '件数'],
  unit_price: ['price', 'unit price', 'price each', 'item price', 'unit cost', 'rate', 'sale price', '单价', '价格', '售价'],
  line_total: [
    'amount', 'line total', 'subtotal', 'sub total', 'line amount', 'item total', 'extended price',
    'net amount', '小计', '商品总价', '商品金额',
  ],
  line_discount: ['discount', 'line discount', 'item discount', 'discount amount', '优惠', '折扣', '优惠金额'],
  line_type: ['line type', 'item type', '行类型'],
})

/** Order-level discount: in a one-row-per-order sheet "Discount" is the order's. */
const ORDER_DISCOUNT: readonly string[] = ['discount', 'order discount', 'discount amount', 'discount total', '优惠', '折扣', '优惠金额', '订单优惠', ...wordsFor('line_discount')]

/**
 * In a one-row-per-order sheet, and in a transaction log (one row per
 * purchase, no order number: the classic CLV data sets, hand-kept sheets),
 * the one amount column is the order's: "Amount", "Sales", "Betrag".
 */
const ORDER_AMOUNT: readonly string[] = [
  'amount', 'value', 'dollar value', 'sales', 'sale amount', 'spend', 'spent', 'revenue', 'purchase amount',
  'transaction amount', 'transaction value', 'order amount', 'price paid', ...ORDER_ONLY_TOTAL,
]

/** Order-line sheets: one row per product sold, with order columns repeated or blank. */
export const GENERIC_ORDER_LINES: FormatPreset = {
  id: 'generic-order-lines',
  kind: 'order-lines',
  columns: {
    ...ORDER,
    ...LINE,
    // Only explicitly order-level names: a lone "Discount" in a line sheet is the line's.
    order_discount: ['order discount', 'discount total', 'cart discount', '订单优惠', '店铺优惠'],
  },
  signature: [],
  fillDownOrderFields: true,
}

/** One row per order with a total and no product columns (a merchant's own sheet). */
export const GENERIC_ORDERS: FormatPreset = {
  id: 'generic-orders',
  kind: 'orders',
  columns: { ...ORDER, order_total: [...(ORDER.order_total ?? []), ...ORDER_AMOUNT], order_discount: ORDER_DISCOUNT },
  signature: [],
}

export const GENERIC_CUSTOMERS: FormatPreset = {
  id: 'generic-customers',
  kind: 'customers',
  columns: withLanguages({
    customer_id: [
      'customer id', 'id', 'customer', 'client id', 'customer no', 'customer number', 'member id', 'user id', 'account', 'cust id',
      '客户ID', '客户编号', '会员ID', '买家', '会员名', '用户ID', '买家会员名', '买家昵称', '买家账号', '买家帐号', '会员账号',
    ],
    customer_email: ORDER.customer_email,
    first_name: ['first name', 'firstname', 'given name', 'forename', '名'],
    last_name: ['last name', 'lastname', 'surname', 'family name', '姓'],
    customer_name: ['name', 'customer name', 'full name', 'client name', 'contact', '姓名', '客户姓名', '客户名称'],
    country: ORDER.country,
    city: ORDER.city,
    accepts_marketing: [
      'accepts marketing', 'accepts email marketing', 'newsletter', 'subscribed', 'opt in', 'opted in',
      'marketing', 'email consent', 'marketing consent', 'email marketing consent', 'email marketing', 'email opt in',
      'subscription status', '订阅', '接受营销', '是否接受营销', '营销许可', '是否订阅',
    ],
    signed_up_at: [
      'signup date', 'sign up date', 'signed up', 'registered', 'registration date', 'joined', 'join date',
      'customer since', 'created at', 'created', 'first order date', '注册时间', '注册日期', '加入时间',
    ],
    tags: ['tags', 'tag', 'segment', 'labels', '标签', '客户标签'],
    // Summary columns of shop and e-mail-tool exports (WooCommerce, Klaviyo, Mailchimp, Chinese CRMs).
    total_spent: [
      'total spent', 'total spend', 'amount spent', 'lifetime value', 'total clv', 'historic clv', 'historic customer lifetime value',
      'total customer lifetime value', 'clv', 'ltv', 'total revenue', '累计消费', '累计消费金额', '消费总额', '总消费', '累计金额',
    ],
    orders_count: [
      'total orders', 'orders count', 'order count', 'number of orders', 'orders', 'historic number of orders', 'purchases',
      '订单数', '累计订单数', '购买次数', '下单次数', '订单总数',
    ],
    last_order_at: [
      'last order', 'last order date', 'last order at', 'last purchase', 'last purchase date', 'last ordered', 'date of last order',
      '最近下单时间', '最后下单时间', '最近购买时间', '上次购买时间', '最后购买时间',
    ],
  }),
  signature: [],
  stripLeadingApostrophe: true,
}

export const GENERIC_PRODUCTS: FormatPreset = {
  id: 'generic-products',
  kind: 'products',
  columns: withLanguages({
    sku: LINE.sku,
    product_key: ['id', 'product key', 'handle', 'product handle', 'slug'],
    product_name: LINE.product_name,
    category: LINE.category,
    vendor: ['vendor', 'brand', 'supplier', 'manufacturer', 'maker', '品牌', '供应商', '厂家'],
    unit_price: ['price', 'unit price', 'retail price', 'selling price', 'sale price', 'list price', 'msrp', '单价', '售价', '价格', '零售价'],
    cost: ['cost', 'unit cost', 'cost price', 'purchase price', 'buy price', 'cogs', 'cost per item', '成本', '成本价', '进价', '采购价'],
    tags: ['tags', 'tag', 'labels', '标签'],
  }),
  signature: [],
}

export const GENERIC_PRESETS: readonly FormatPreset[] = [GENERIC_ORDER_LINES, GENERIC_ORDERS, GENERIC_CUSTOMERS, GENERIC_PRODUCTS]
