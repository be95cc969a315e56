-- the identity of each sent row's pin (pin/PinIdentity) and where it went (Zernio or the sandbox): a later run, of a
-- file saved again with rows added or of the same rows in another file, finds the pins an earlier run created by it
-- and does not create them twice
ALTER TABLE PINBATCH_ROW_RESULT ADD COLUMN PIN_KEY VARCHAR(64);
ALTER TABLE PINBATCH_ROW_RESULT ADD COLUMN PIN_TARGET VARCHAR(16);
CREATE INDEX PINBATCH_ROW_RESULT_PIN_KEY ON PINBATCH_ROW_RESULT (PIN_KEY);
-- a run loads the pins sent to its target: only sent rows have one, and most stored rows were never sent (a growing
-- sheet's rows are stored again by every run), so the index spares it the scan of all of them
CREATE INDEX PINBATCH_ROW_RESULT_PIN_TARGET ON PINBATCH_ROW_RESULT (PIN_TARGET);
