-- PINBATCH_RUN_INPUT recorded which inputs a run covered; each input is its own job instance now, and Spring Batch's
-- tables answer that (no version reads it any more)
DROP TABLE IF EXISTS PINBATCH_RUN_INPUT;
