import type { FormatPreset } from './preset'

/**
 * Order exports of the big Chinese marketplaces, as sellers download them from
 * their back offices (千牛/卖家中心, 京东商家后台, 拼多多商家后台) or through an
 * ERP that keeps the platform's column names. Column names drift between
 * versions and ERPs, so each field lists the variants seen in the wild.
 * Amounts are in yuan; the files do not say so.
 *
 * Delivery addresses (收货地址, 客户地址) are deliberately not mapped to `city`:
 * they are whole addresses ("浙江省 杭州市 西湖区 ..."), which would only
 * store personal data under a wrong name.
 */

/**
 * 淘宝/天猫. The back office splits an export into an order report (订单报表:
 * 订单编号, 买家会员名, 买家应付货款, 买家实际支付金额, 订单状态, 订单创建时间,
 * 宝贝标题 ...) and an item report (宝贝报表: 订单编号, 标题, 价格, 购买数量,
 * 商家编码 ...); merchants and ERPs join them on 订单编号, which gives one row
 * per item with the order columns repeated. Newer exports call the ids
 * 主订单编号/子订单编号 and the items 商品标题/商品价格.
 * 交易关闭 marks orders closed before payment or fully refunded.
 */
export const TAOBAO_ORDERS: FormatPreset = {
  id: 'taobao-orders',
  kind: 'order-lines',
  columns: {
    order_id: ['订单编号', '主订单编号', '订单号'],
    order_date: ['订单创建时间', '下单时间', '创建时间', '订单付款时间', '付款时间'],
    customer_id: ['买家会员名', '买家昵称', '买家账号', '买家帐号', '买家'],
    customer_name: ['收货人姓名', '收货人'],
    city: ['收货城市', '城市', '市'],
    currency: ['币种'],
    financial_status: ['订单状态', '交易状态'],
    discount_code: ['优惠券', '店铺优惠券', '优惠详情', '优惠信息'],
    order_discount: ['店铺优惠', '优惠', '订单优惠', '优惠金额', '卖家优惠'],
    shipping: ['买家应付邮费', '邮费', '运费'],
    order_total: ['买家实际支付金额', '买家实付金额', '实付金额', '总金额', '买家应付货款'],
    refunded_amount: ['退款金额'],
    sku: ['商家编码', '商品编码', '外部系统编号', '商家SKU编码', 'SKU编码'],
    product_name: ['宝贝标题', '商品标题', '标题', '商品名称'],
    category: ['类目', '商品类目', '宝贝类目'],
    quantity: ['购买数量', '数量', '商品数量', '宝贝总数量'],
    unit_price: ['价格', '单价', '商品价格', '商品单价', '宝贝单价'],
    line_total: ['分摊后实付金额', '商品实付金额', '小计'],
    line_discount: ['商品优惠', '子订单优惠', '单品优惠'],
  },
  signature: [
    '买家会员名',
    '宝贝标题',
    '买家应付货款',
    '买家实际支付金额',
    '买家应付邮费',
    '订单创建时间',
    '买家支付宝账号',
    '宝贝总数量',
    '主订单编号',
    '子订单编号',
    '宝贝种类',
  ],
  defaultCurrency: 'CNY',
}

/**
 * 京东 (JD POP seller back office): one row per SKU. 商品ID is JD's SKU id;
 * 下单帐号 is the buyer's account (also written 下单账号).
 */
export const JD_ORDERS: FormatPreset = {
  id: 'jd-orders',
  kind: 'order-lines',
  columns: {
    order_id: ['订单号', '订单编号'],
    order_date: ['下单时间', '订单创建时间', '付款确认时间'],
    customer_id: ['下单帐号', '下单账号', '客户账号', '客户帐号', '用户账号', '用户帐号'],
    customer_name: ['客户姓名', '收货人'],
    currency: ['币种'],
    financial_status: ['订单状态'],
    discount_code: ['优惠券', '优惠券名称'],
    order_discount: ['优惠金额', '订单优惠', '优惠'],
    shipping: ['运费金额', '运费'],
    order_total: ['应付金额', '订单金额', '实付金额', '结算金额'],
    sku: ['商品ID', '商品编号', '商家SKUID', '货号', 'SKU'],
    product_name: ['商品名称'],
    quantity: ['订购数量', '数量', '商品数量'],
    unit_price: ['京东价', '单价', '商品单价'],
  },
  signature: [
    '京东价',
    '订购数量',
    '下单帐号',
    '下单账号',
    '结算金额',
    '余额支付',
    '商家备注等级(颜色)',
    '商家SKUID',
  ],
  defaultCurrency: 'CNY',
}

/**
 * 拼多多. An order is always one SKU, so each row is both order and line. The
 * export has no unit price: 商品总价(元) is price × 商品数量(件), mapped as the
 * line total. It has no buyer id either (the platform hides it); 收货人 is the
 * only name. 平台优惠折扣 is paid by the platform, not the shop, so only
 * 店铺优惠折扣 is the shop's discount. Refunds live in 售后状态, not 订单状态.
 */
export const PINDUODUO_ORDERS: FormatPreset = {
  id: 'pinduoduo-orders',
  kind: 'order-lines',
  columns: {
    order_id: ['订单号', '订单编号'],
    order_date: ['支付时间', '订单成交时间', '拼单成功时间', '下单时间'],
    customer_id: ['买家ID', '用户ID', '买家昵称'],
    customer_name: ['收货人'],
    city: ['市', '城市'],
    currency: ['币种'],
    financial_status: ['订单状态'],
    order_discount: ['店铺优惠折扣(元)', '店铺优惠折扣', '店铺优惠(元)'],
    shipping: ['邮费(元)', '运费(元)', '邮费'],
    order_total: ['用户实付金额(元)', '商家实收金额(元)', '实付金额(元)'],
    sku: ['商品id', '样式ID', '商家编码-商品维度', '商家编码-SKU维度', 'SKU ID'],
    product_name: ['商品', '商品名称', '商品标题'],
    quantity: ['商品数量(件)', '商品数量', '数量'],
    unit_price: ['商品单价(元)', '单价(元)', '单价'],
    line_total: ['商品总价(元)', '商品总价'],
  },
  signature: [
    '商品总价(元)',
    '店铺优惠折扣(元)',
    '平台优惠折扣(元)',
    '商品数量(件)',
    '用户实付金额(元)',
    '商家实收金额(元)',
    '多多支付立减金额(元)',
    '拼单成功时间',
    '样式ID',
    '商家编码-SKU维度',
  ],
  defaultCurrency: 'CNY',
}

export const CHINESE_PLATFORM_PRESETS: readonly FormatPreset[] = [TAOBAO_ORDERS, JD_ORDERS, PINDUODUO_ORDERS]
