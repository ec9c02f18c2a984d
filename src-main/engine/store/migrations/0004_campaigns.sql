-- Campaign history (issue 7 §1): past campaigns imported from files, and later the plans Offerwise
-- makes. The table contract is src-main/engine/campaigns/campaign-tables.md.

-- 1. import_batches gains the record kind 'campaign-members'. SQLite cannot alter a CHECK, so the
--    table is rebuilt. Migrations run inside a transaction with foreign keys ON (PRAGMA foreign_keys
--    cannot change inside one), and every data table references import_batches (id). So:
--    constraints are deferred to the commit; the rows are parked in a plain copy; the old table is
--    dropped (its children now count as violations); the new table takes the name; and the rows go
--    back in, which settles every child's reference again before the commit checks them.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE import_batches_rebuilt (
  id              INTEGER PRIMARY KEY,
  file_name       TEXT    NOT NULL,
  file_path       TEXT    NOT NULL,
  file_size       INTEGER NOT NULL,
  preset_id       TEXT    NOT NULL,
  record_kind     TEXT    NOT NULL CHECK (record_kind IN ('order-lines', 'orders', 'customers', 'products', 'campaign-members')),
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
CREATE TABLE import_batches_parked AS SELECT * FROM import_batches;
DROP TABLE import_batches;
ALTER TABLE import_batches_rebuilt RENAME TO import_batches;
INSERT INTO import_batches (id, file_name, file_path, file_size, preset_id, record_kind, mapping_json, options_json, status,
  started_at, finished_at, rows_total, rows_imported, rows_duplicate, rows_rejected, added_json, failure_json)
  SELECT id, file_name, file_path, file_size, preset_id, record_kind, mapping_json, options_json, status,
  started_at, finished_at, rows_total, rows_imported, rows_duplicate, rows_rejected, added_json, failure_json
  FROM import_batches_parked;
DROP TABLE import_batches_parked;

-- 2. Customer summary attributes as customer files state them (Shopify "Total Spent", "Total Orders",
--    WooCommerce "Last order", ...). Kept beside, never mixed with, what the imported orders say:
--    they serve as features where the order history is thin or absent. NULL = the file did not say.
--    Consent and tags already live in customers.accepts_marketing and customers.tags.
ALTER TABLE customers ADD COLUMN stated_total_spent REAL;
ALTER TABLE customers ADD COLUMN stated_orders INTEGER;
ALTER TABLE customers ADD COLUMN stated_last_order_at TEXT;

-- 3. The campaign tables.
CREATE TABLE campaigns (
  id           INTEGER PRIMARY KEY,
  -- Identity across re-imports: 'file:<campaign_id or name as written>' or 'plan:<plan id>'.
  campaign_key TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  source       TEXT NOT NULL CHECK (source IN ('imported', 'plan')),
  plan_id      INTEGER,
  -- Earliest sent_at / latest expires_at of its members ('YYYY-MM-DD HH:MM:SS', shop wall-clock).
  sent_at      TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  batch_id     INTEGER REFERENCES import_batches (id)
);
CREATE INDEX campaigns_batch ON campaigns (batch_id);

CREATE TABLE campaign_members (
  id             INTEGER PRIMARY KEY,
  campaign_id    INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  customer_id    INTEGER NOT NULL REFERENCES customers (id),
  arm            TEXT NOT NULL CHECK (arm IN ('treatment', 'control')),   -- holdout = control
  discount_type  TEXT NOT NULL CHECK (discount_type IN ('percent', 'fixed', 'free_shipping', 'spend_x_save_y', 'none')),
  discount_value REAL NOT NULL DEFAULT 0,
  min_spend      REAL NOT NULL DEFAULT 0,
  -- 'all' | 'category:<name>' | 'sku:<sku>'
  applies_to     TEXT NOT NULL DEFAULT 'all',
  sent_at        TEXT NOT NULL,
  expires_at     TEXT NOT NULL,
  code           TEXT,
  -- Outcomes as stated by the file; NULL = not stated (derived from orders, see outcomes.ts).
  redeemed       INTEGER,
  order_key      TEXT,
  converted      INTEGER,
  revenue        REAL,
  batch_id       INTEGER REFERENCES import_batches (id),
  UNIQUE (campaign_id, customer_id)
);
CREATE INDEX campaign_members_customer ON campaign_members (customer_id);
CREATE INDEX campaign_members_code ON campaign_members (code);
CREATE INDEX campaign_members_batch ON campaign_members (batch_id);
