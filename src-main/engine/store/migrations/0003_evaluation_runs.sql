-- `offerwise evaluate` judges the models on a past window; it must never
-- change what serves. Its runs are kept beside the serving ones (their report
-- can be read back) but every serving query reads 'serving' runs only.
ALTER TABLE model_runs ADD COLUMN purpose TEXT NOT NULL DEFAULT 'serving' CHECK (purpose IN ('serving', 'evaluation'));
CREATE INDEX model_runs_purpose ON model_runs (purpose, id);
