-- Results (issue 8 §3): redemptions the merchant imports from their shop or e-mail tool (a Shopify
-- discount-code usage export, WooCommerce coupon usage, a plain code/order/date/amount CSV). Each row
-- is matched to one campaign member by its code; the lift report (engine/results/) reads them with
-- the orders. Contract: src-main/engine/campaigns/campaign-tables.md.

-- 1. import_batches gains the record kind 'redemptions': the same rebuild as 0004 (SQLite cannot
--    alter a CHECK; every data table references import_batches, so foreign keys are deferred to the
--    commit and the rows go back in under the same ids). Columns as of 0005 (rows_repeated).
PRAGMA defer_foreign_keys = ON;

CREATE TABLE import_batches_rebuilt (
  id              INTEGER PRIMARY KEY,
  file_name       TEXT    NOT NULL,
  file_path       TEXT    NOT NULL,
  file_size       INTEGER NOT NULL,
  preset_id       TEXT    NOT NULL,
  record_kind     TEXT    NOT NULL CHECK (record_kind IN ('order-lines', 'orders', 'customers', 'products', 'campaign-members', 'redemptions')),
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
  failure_json    TEXT,
  rows_repeated   INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE import_batches_parked AS SELECT * FROM import_batches;
DROP TABLE import_batches;
ALTER TABLE import_batches_rebuilt RENAME TO import_batches;
INSERT INTO import_batches (id, file_name, file_path, file_size, preset_id, record_kind, mapping_json, options_json, status,
  started_at, finished_at, rows_total, rows_imported, rows_duplicate, rows_rejected, added_json, failure_json, rows_repeated)
  SELECT id, file_name, file_path, file_size, preset_id, record_kind, mapping_json, options_json, status,
  started_at, finished_at, rows_total, rows_imported, rows_duplicate, rows_rejected, added_json, failure_json, rows_repeated
  FROM import_batches_parked;
DROP TABLE import_batches_parked;

-- 2. One row per code used on one order. Identity: member + order (or member + date when the file
--    names no order), so a re-imported file adds nothing twice. A member removed (its campaign file
--    undone) takes its redemptions with it.
CREATE TABLE redemptions (
  id              INTEGER PRIMARY KEY,
  member_id       INTEGER NOT NULL REFERENCES campaign_members (id) ON DELETE CASCADE,
  campaign_id     INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  -- The code as written in the file.
  code            TEXT    NOT NULL,
  -- The shop's order number as written, or NULL when the file names none.
  order_key       TEXT,
  -- 'YYYY-MM-DD HH:MM:SS', shop wall-clock.
  redeemed_at     TEXT    NOT NULL,
  -- Discount given on the order (NULL = the file did not say), and the order's total when stated.
  discount_amount REAL,
  order_total     REAL,
  email           TEXT,
  identity        TEXT    NOT NULL UNIQUE,
  batch_id        INTEGER NOT NULL REFERENCES import_batches (id)
);
CREATE INDEX redemptions_member ON redemptions (member_id);
CREATE INDEX redemptions_batch ON redemptions (batch_id);
CREATE INDEX redemptions_campaign ON redemptions (campaign_id);
