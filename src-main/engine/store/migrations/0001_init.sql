-- Offerwise store, first schema.
-- Money is stored in the shop's currency units as REAL, rounded to 4 decimals on write.
-- Times are the shop's wall-clock time as written in the export ('YYYY-MM-DD HH:MM:SS'),
-- with the UTC offset kept separately when the file gave one: seasonality and
-- "days since last order" are about the shop's local calendar.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE import_batches (
  id              INTEGER PRIMARY KEY,
  file_name       TEXT    NOT NULL,
  file_path       TEXT    NOT NULL,
  file_size       INTEGER NOT NULL,
  preset_id       TEXT    NOT NULL,
  record_kind     TEXT    NOT NULL CHECK (record_kind IN ('order-lines', 'orders', 'customers', 'products')),
  mapping_json    TEXT    NOT NULL,
  options_json    TEXT    NOT NULL,
  status          TEXT    NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled', 'undone')),
  started_at      TEXT    NOT NULL,
  finished_at     TEXT,
  rows_total      INTEGER NOT NULL DEFAULT 0,
  rows_imported   INTEGER NOT NULL DEFAULT 0,
  rows_duplicate  INTEGER NOT NULL DEFAULT 0,
  rows_rejected   INTEGER NOT NULL DEFAULT 0,
  added_json      TEXT    NOT NULL DEFAULT '{}',
  failure_json    TEXT
);

CREATE TABLE customers (
  id                INTEGER PRIMARY KEY,
  -- Identity used to merge the same person across files: 'id:<shop id>', 'email:<lowercase>' or 'name:<buyer name>'.
  customer_key      TEXT    NOT NULL UNIQUE,
  external_id       TEXT,
  email             TEXT,
  name              TEXT,
  country           TEXT,
  city              TEXT,
  accepts_marketing INTEGER,
  signed_up_at      TEXT,
  tags              TEXT,
  batch_id          INTEGER NOT NULL REFERENCES import_batches (id)
);
CREATE INDEX customers_email ON customers (email);
CREATE INDEX customers_batch ON customers (batch_id);

CREATE TABLE products (
  id          INTEGER PRIMARY KEY,
  -- 'sku:<sku>' or 'name:<normalised name>' when the shop has no SKUs.
  product_key TEXT    NOT NULL UNIQUE,
  sku         TEXT,
  name        TEXT,
  category    TEXT,
  vendor      TEXT,
  price       REAL,
  cost        REAL,
  tags        TEXT,
  -- 0 for postage, fees, manual adjustments: kept, but not products a customer wants.
  is_product  INTEGER NOT NULL DEFAULT 1,
  batch_id    INTEGER NOT NULL REFERENCES import_batches (id)
);
CREATE INDEX products_batch ON products (batch_id);

CREATE TABLE orders (
  id                INTEGER PRIMARY KEY,
  order_key         TEXT    NOT NULL UNIQUE,
  customer_id       INTEGER REFERENCES customers (id),
  ordered_at        TEXT    NOT NULL,
  utc_offset_min    INTEGER,
  currency          TEXT,
  -- paid | cancelled | refunded | partially_refunded | pending | other
  status            TEXT    NOT NULL DEFAULT 'paid',
  -- 1 when the whole order is a return / cancellation invoice (e.g. Online Retail 'C' invoices).
  is_return         INTEGER NOT NULL DEFAULT 0,
  discount_code     TEXT,
  discount_amount   REAL    NOT NULL DEFAULT 0,
  shipping          REAL    NOT NULL DEFAULT 0,
  -- As stated by the file, or the sum of the lines when it did not say.
  total             REAL,
  -- 1 when the total came from the file; 0 when Offerwise summed it from the lines.
  total_stated      INTEGER NOT NULL DEFAULT 0,
  refunded_amount   REAL    NOT NULL DEFAULT 0,
  country           TEXT,
  city              TEXT,
  -- 1 when the file had one row per order and no line items.
  summary_only      INTEGER NOT NULL DEFAULT 0,
  batch_id          INTEGER NOT NULL REFERENCES import_batches (id)
);
CREATE INDEX orders_customer ON orders (customer_id, ordered_at);
CREATE INDEX orders_date ON orders (ordered_at);
CREATE INDEX orders_batch ON orders (batch_id);

-- Lines are stored clustered by order: the primary key (order, line signature) is
-- both how a re-imported export is recognised and how an order's lines are read,
-- so each line costs one B-tree insert instead of four (import speed matters:
-- shops import hundreds of thousands of lines).
CREATE TABLE order_lines (
  order_id       INTEGER NOT NULL REFERENCES orders (id),
  -- Identity of the line within its order: product, quantity, price, discount.
  line_key       TEXT    NOT NULL,
  product_id     INTEGER REFERENCES products (id),
  -- Only when the line's SKU or name differs from its product's (a listing renamed over time).
  sku            TEXT,
  name           TEXT,
  quantity       REAL    NOT NULL,
  unit_price     REAL    NOT NULL,
  discount       REAL    NOT NULL DEFAULT 0,
  -- quantity * unit_price - discount; negative for returns.
  amount         REAL    NOT NULL,
  -- product | shipping | fee | adjustment | discount
  line_kind      TEXT    NOT NULL DEFAULT 'product',
  is_return      INTEGER NOT NULL DEFAULT 0,
  source_row     INTEGER NOT NULL,
  batch_id       INTEGER NOT NULL REFERENCES import_batches (id),
  PRIMARY KEY (order_id, line_key)
) WITHOUT ROWID;

CREATE TABLE import_rejects (
  id          INTEGER PRIMARY KEY,
  batch_id    INTEGER NOT NULL REFERENCES import_batches (id),
  row_number  INTEGER NOT NULL,
  column_name TEXT,
  code        TEXT    NOT NULL,
  params_json TEXT,
  message     TEXT    NOT NULL,
  raw         TEXT    NOT NULL
);
CREATE INDEX import_rejects_batch ON import_rejects (batch_id, row_number);

-- Old values of records a batch changed (e.g. a products file adding costs), so undo restores them.
CREATE TABLE import_changes (
  id          INTEGER PRIMARY KEY,
  batch_id    INTEGER NOT NULL REFERENCES import_batches (id),
  table_name  TEXT    NOT NULL CHECK (table_name IN ('customers', 'products', 'orders')),
  row_id      INTEGER NOT NULL,
  old_json    TEXT    NOT NULL
);
CREATE INDEX import_changes_batch ON import_changes (batch_id);
