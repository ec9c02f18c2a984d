-- Coupon codes (issue 8 §1): what an approved plan's export needs to give the same codes again.
-- Per campaign: the code secret (32 random bytes, created the first time the plan is previewed or
-- exported), the prefix and length its codes were made with, and when it was first and last
-- exported. First export = the campaign is sent: its codes are fixed from then on (re-exports read
-- them back, so they are idempotent). Codes live in campaign_members.code (treatment members only).
ALTER TABLE campaigns ADD COLUMN code_secret BLOB;
ALTER TABLE campaigns ADD COLUMN code_prefix TEXT;
ALTER TABLE campaigns ADD COLUMN code_length INTEGER;
ALTER TABLE campaigns ADD COLUMN first_exported_at TEXT;
ALTER TABLE campaigns ADD COLUMN last_exported_at TEXT;

-- Case-insensitive look-ups: the taken-code check and the redemption match compare upper(code).
CREATE INDEX campaign_members_code_upper ON campaign_members (upper(code));
CREATE INDEX orders_discount_code_upper ON orders (upper(discount_code));

-- Uniqueness. Imported campaigns legitimately share one code among many members (WELCOME10), so a
-- plain UNIQUE index cannot hold; the rule is on Offerwise's own codes: a code given to a member of
-- a 'plan' campaign is unique, case-insensitively, across every campaign member in the store.
-- (Collisions with discount codes in imported orders are checked by the export before it writes.)
CREATE TRIGGER campaign_members_plan_code_insert
BEFORE INSERT ON campaign_members
WHEN NEW.code IS NOT NULL
  AND (SELECT source FROM campaigns WHERE id = NEW.campaign_id) = 'plan'
  AND EXISTS (SELECT 1 FROM campaign_members WHERE upper(code) = upper(NEW.code))
BEGIN
  SELECT RAISE(ABORT, 'export.code-taken: this coupon code is already in the store');
END;

CREATE TRIGGER campaign_members_plan_code_update
BEFORE UPDATE OF code ON campaign_members
WHEN NEW.code IS NOT NULL
  AND (SELECT source FROM campaigns WHERE id = NEW.campaign_id) = 'plan'
  AND EXISTS (SELECT 1 FROM campaign_members WHERE upper(code) = upper(NEW.code) AND id <> NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'export.code-taken: this coupon code is already in the store');
END;
