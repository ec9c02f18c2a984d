-- BG/NBD and Gamma-Gamma per customer (engine/clv/): P(alive) and discounted CLV over 3, 6 and 12 months.
-- Nullable: runs saved before this version, and shops too small to fit the models, have none.
ALTER TABLE customer_scores ADD COLUMN p_alive REAL;
ALTER TABLE customer_scores ADD COLUMN clv_3m REAL;
ALTER TABLE customer_scores ADD COLUMN clv_6m REAL;
ALTER TABLE customer_scores ADD COLUMN clv_12m REAL;
-- low | medium | high | one-order (clv/churn.ts), from 1 − p_alive and the repeat visits the model saw.
ALTER TABLE customer_scores ADD COLUMN churn_risk TEXT;
