-- The shop's currency now follows its orders (data/shop-currency.ts) unless the merchant chose one
-- ('currency_override'). The old 'currency' key was written by the first import, often with the
-- app's USD default rather than the file's currency, so it is dropped rather than kept as a choice.
DELETE FROM settings WHERE key = 'currency';

-- Duplicates that repeat an earlier row of the same file ("repeated in this file"), a part of rows_duplicate.
ALTER TABLE import_batches ADD COLUMN rows_repeated INTEGER NOT NULL DEFAULT 0;
