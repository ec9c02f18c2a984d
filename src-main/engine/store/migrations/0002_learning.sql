-- The Learn step: each training run, the models it saved, and the per-customer
-- scores it produced. A plan (later) records the run it used, so any plan can
-- say which model made it.

CREATE TABLE model_runs (
  id                 INTEGER PRIMARY KEY,
  created_at         TEXT    NOT NULL,
  -- Held-out evaluation: models trained before this day, scored on the horizon after it.
  evaluation_cutoff  TEXT    NOT NULL,
  -- Customer scores are "as of" this day.
  scoring_cutoff     TEXT    NOT NULL,
  horizon_days       INTEGER NOT NULL,
  backend            TEXT    NOT NULL,
  -- 'learned' when models serve the scores; 'fallback' when the shop is too small and transparent scores do.
  mode               TEXT    NOT NULL CHECK (mode IN ('learned', 'fallback')),
  -- The whole ModelReport shown in the Learn step (metrics of every model and baseline, charts' data).
  report_json        TEXT    NOT NULL,
  -- Orders and lines in the store at training time, to tell the merchant when new imports make a run stale.
  orders_at_training INTEGER NOT NULL,
  lines_at_training  INTEGER NOT NULL,
  -- Shop averages the customer page compares with: { discountShare, saleSpendShare }.
  shop_json          TEXT    NOT NULL
);

CREATE TABLE models (
  id              INTEGER PRIMARY KEY,
  run_id          INTEGER NOT NULL REFERENCES model_runs (id) ON DELETE CASCADE,
  -- purchase | sequence | affinity
  kind            TEXT    NOT NULL,
  -- 'evaluation' (trained for the held-out comparison) or 'scoring' (trained on the latest window)
  role            TEXT    NOT NULL CHECK (role IN ('evaluation', 'scoring')),
  cutoff          TEXT    NOT NULL,
  horizon_days    INTEGER NOT NULL,
  -- Kind, version, feature schema, standardisation, backend, metrics, training time, seed.
  metadata_json   TEXT    NOT NULL,
  topology_json   TEXT    NOT NULL,
  weight_specs_json TEXT  NOT NULL,
  weights         BLOB    NOT NULL,
  created_at      TEXT    NOT NULL
);
CREATE INDEX models_run ON models (run_id, kind, role);

CREATE TABLE customer_scores (
  run_id                INTEGER NOT NULL REFERENCES model_runs (id) ON DELETE CASCADE,
  -- Undoing the import that brought a customer in removes their scores with them.
  customer_id           INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  p_buy                 REAL    NOT NULL,
  expected_orders       REAL    NOT NULL,
  expected_spend        REAL    NOT NULL,
  discount_sensitivity  REAL    NOT NULL,
  discount_share        REAL    NOT NULL,
  discount_depth        REAL    NOT NULL,
  sale_spend_share      REAL    NOT NULL,
  expected_days_to_next REAL,
  next_category         TEXT,
  top_categories_json   TEXT    NOT NULL,
  top_products_json     TEXT    NOT NULL,
  PRIMARY KEY (run_id, customer_id)
) WITHOUT ROWID;
CREATE INDEX customer_scores_customer ON customer_scores (customer_id);
