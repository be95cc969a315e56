-- the identity of each sent row's pin without its time (pin/PinIdentity#content): a row whose date changed while its
-- earlier pin still waits to be published is that pin moved, not a second pin of the same content
ALTER TABLE PINBATCH_ROW_RESULT ADD COLUMN PIN_CONTENT_KEY VARCHAR(64);
CREATE INDEX PINBATCH_ROW_RESULT_PIN_CONTENT_KEY ON PINBATCH_ROW_RESULT (PIN_CONTENT_KEY);
