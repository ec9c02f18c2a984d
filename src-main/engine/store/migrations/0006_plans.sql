-- Plans (issue 7 §4): a budgeted coupon plan, reproducible from what is stored here: the serving
-- model run it used, its settings and seed, the response model, and the decision matrix the
-- optimiser solved. Approving a plan writes it into campaigns / campaign_members (source 'plan',
-- its holdout as the control arm), so its results teach the next response model.

CREATE TABLE plans (
  id                   INTEGER PRIMARY KEY,
  created_at           TEXT    NOT NULL,
  status               TEXT    NOT NULL CHECK (status IN ('draft', 'approved')),
  approved_at          TEXT,
  -- The serving training run whose purchase chances are the base rates.
  run_id               INTEGER NOT NULL REFERENCES model_runs (id),
  currency             TEXT    NOT NULL,
  -- PlanSettings as asked (budget, offers, holdout, exclusions, prior, seed...); budget and mode follow re-solves.
  settings_json        TEXT    NOT NULL,
  starts_at            TEXT    NOT NULL,
  expires_at           TEXT    NOT NULL,
  offers_json          TEXT    NOT NULL,
  -- ResponseModel (serialised) and its ResponseSummary (kind, evaluation, prior).
  response_model_json  TEXT    NOT NULL,
  response_json        TEXT    NOT NULL,
  redeem_share         REAL    NOT NULL,
  -- The latest solve: PlanSummary, frontier, breakdowns, exclusion counts.
  summary_json         TEXT    NOT NULL,
  frontier_json        TEXT    NOT NULL,
  breakdown_json       TEXT    NOT NULL,
  campaign_id          INTEGER REFERENCES campaigns (id)
);

-- One row per customer the plan considered, in matrix row order.
CREATE TABLE plan_customers (
  plan_id        INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  row_index      INTEGER NOT NULL,
  customer_id    INTEGER NOT NULL REFERENCES customers (id),
  -- 'holdout' (random control), 'excluded' (an exclusion rule says why), or 'eligible'.
  standing       TEXT    NOT NULL CHECK (standing IN ('eligible', 'holdout', 'excluded')),
  exclusion      TEXT,
  segment        TEXT    NOT NULL,
  p_without      REAL    NOT NULL,
  order_value    REAL    NOT NULL,
  margin         REAL    NOT NULL,
  -- The facts the explanations quote (JSON: gap, recency, discount share, favourite category...).
  facts_json     TEXT    NOT NULL,
  -- The merchant's lock: 'offer' (with lock_offer = offer index) or 'exclude'; NULL = free.
  lock_kind      TEXT    CHECK (lock_kind IN ('offer', 'exclude')),
  lock_offer     INTEGER,
  PRIMARY KEY (plan_id, row_index)
) WITHOUT ROWID;
CREATE INDEX plan_customers_customer ON plan_customers (customer_id);

-- The decision matrix (n customers × k offers, Float32/Uint8 little-endian blobs) and the latest choice (Int32 per row, -1 none).
CREATE TABLE plan_matrices (
  plan_id          INTEGER PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
  n                INTEGER NOT NULL,
  k                INTEGER NOT NULL,
  profit_cautious  BLOB    NOT NULL,
  cost_cautious    BLOB    NOT NULL,
  profit_mean      BLOB    NOT NULL,
  cost_mean        BLOB    NOT NULL,
  p_with           BLOB    NOT NULL,
  face_value       BLOB    NOT NULL,
  depth            BLOB    NOT NULL,
  feasible         BLOB    NOT NULL,
  choice           BLOB    NOT NULL
);
