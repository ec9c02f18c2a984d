import type { FormatPreset } from './preset'

/**
 * WooCommerce has no built-in order export; merchants use plugins. Two
 * families of column names are common:
 *  - "Advanced Order Export For WooCommerce" (AlgolPlus): title-case labels
 *    such as "Order Number", "Email (Billing)", "Item Cost", with the option
 *    to write one row per product;
 *  - "Order Export & Order Import for WooCommerce" (WebToffee) and the
 *    WooCommerce REST field names: snake_case keys such as order_number,
 *    billing_email, discount_total, order_currency.
 * Both are one preset: whichever names the file uses, the first that matches
 * wins. The row-per-product layout is the one that maps completely; a
 * one-row-per-order WebToffee file still gets its order fields mapped.
 */
export const WOOCOMMERCE_ORDERS: FormatPreset = {
  id: 'woocommerce-orders',
  kind: 'order-lines',
  columns: {
    order_id: ['Order Number', 'Order ID', 'order_number', 'order_id', 'Order #'],
    order_date: ['Order Date', 'order_date', 'Date Created', 'date_created', 'Paid Date', 'paid_date'],
    customer_id: ['Customer User ID', 'customer_id', 'customer_user', 'User ID'],
    customer_email: [
      'Email (Billing)',
      'Customer User Email',
      'Billing Email',
      'billing_email',
      'customer_email',
      'User Email',
      'Email (Shipping)',
    ],
    customer_name: ['Full Name (Billing)', 'Billing Full Name', 'Customer Name', 'billing_full_name'],
    country: [
      'Country Code (Billing)',
      'Country Name (Billing)',
      'Billing Country',
      'billing_country',
      'Country Code (Shipping)',
      'shipping_country',
    ],
    city: ['City (Billing)', 'Billing City', 'billing_city', 'City (Shipping)', 'shipping_city'],
    currency: ['Order Currency', 'Currency', 'order_currency'],
    financial_status: ['Order Status', 'Status', 'status'],
    discount_code: ['Coupon Code', 'Coupons Used', 'Coupons', 'coupon_items', 'coupons', 'coupon_code'],
    order_discount: ['Cart Discount Amount', 'Order Discount Amount', 'discount_total', 'cart_discount', 'Discount Total'],
    shipping: ['Order Shipping Amount', 'Shipping Total', 'shipping_total', 'Order Shipping'],
    order_total: ['Order Total Amount', 'Order Total', 'order_total'],
    refunded_amount: ['Order Refund Amount', 'Order Refunds', 'refund_total', 'Refunded Amount'],
    sku: ['SKU', 'Item SKU', 'Product SKU', 'item_sku', 'line_item_sku'],
    product_name: ['Item Name', 'Product Name', 'item_name', 'line_item_name'],
    category: ['Category', 'Product Categories', 'Categories'],
    quantity: ['Quantity', 'Quantity (- Refund)', 'Qty', 'item_quantity', 'line_item_quantity'],
    unit_price: ['Item Cost', 'Item Price', 'Price', 'item_price', 'item_cost', 'line_item_price'],
    line_total: ['Order Line Total', 'Order Line Subtotal', 'Item Total', 'item_total', 'line_total'],
    line_discount: ['Item Discount Amount', 'Order Line Discount', 'item_discount'],
  },
  signature: [
    // AlgolPlus labels
    'Order Total Amount',
    'Order Shipping Amount',
    'Cart Discount Amount',
    'Order Subtotal Amount',
    'Order Refund Amount',
    'Email (Billing)',
    'Country Code (Billing)',
    'Item Cost',
    // WebToffee / REST keys
    'order_currency',
    'order_key',
    'billing_email',
    'billing_first_name',
    'coupon_items',
    'line_item_1',
    'customer_user',
  ],
  // AlgolPlus can leave order columns empty on the second and later product
  // rows ("Populate other columns" off); filling blanks down is harmless when
  // they are repeated.
  fillDownOrderFields: true,
}

/**
 * Products → Export (WooCommerce core CSV exporter). Variations are their own
 * rows with `Parent` naming the parent's SKU. Cost comes from a cost-of-goods
 * plugin's meta column when the merchant exported it.
 */
export const WOOCOMMERCE_PRODUCTS: FormatPreset = {
  id: 'woocommerce-products',
  kind: 'products',
  columns: {
    product_key: ['ID'],
    sku: ['SKU'],
    product_name: ['Name'],
    category: ['Categories'],
    vendor: ['Brands', 'Brand'],
    unit_price: ['Regular price'],
    cost: [
      'Meta: _wc_cog_cost',
      'Meta: _alg_wc_cog_cost',
      'Cost of goods',
      'Meta: _cogs_total_value',
      'Meta: _purchase_price',
      'Meta: _cost',
    ],
    tags: ['Tags'],
  },
  signature: [
    'Regular price',
    'Is featured?',
    'Visibility in catalog',
    'Tax status',
    'In stock?',
    'Backorders allowed?',
    'Sold individually?',
    'Allow customer reviews?',
  ],
}

/**
 * Customers → Download (WooCommerce Analytics' customers report): one row per
 * customer with their order count, total spend and activity dates. There is
 * no shop id column; the e-mail is the identity.
 */
export const WOOCOMMERCE_CUSTOMERS: FormatPreset = {
  id: 'woocommerce-customers',
  kind: 'customers',
  columns: {
    customer_id: ['Customer ID', 'ID', 'User ID'],
    customer_email: ['Email'],
    customer_name: ['Name'],
    first_name: ['First name', 'First Name'],
    last_name: ['Last name', 'Last Name'],
    country: ['Country / Region', 'Country'],
    city: ['City'],
    signed_up_at: ['Sign Up', 'Date registered', 'Date Registered'],
    total_spent: ['Total spend', 'Total spent', 'Total Spend', 'Money spent'],
    orders_count: ['Orders', 'Order count', 'Order Count'],
    last_order_at: ['Last order', 'Last Order', 'Last order date'],
    accepts_marketing: ['Accepts Marketing', 'Newsletter'],
  },
  signature: ['Total spend', 'AOV', 'Date registered', 'Last active', 'Username', 'Sign Up', 'Country / Region', 'Last order'],
}

export const WOOCOMMERCE_PRESETS: readonly FormatPreset[] = [WOOCOMMERCE_ORDERS, WOOCOMMERCE_PRODUCTS, WOOCOMMERCE_CUSTOMERS]
