-- a create that Zernio refuses as content it already has names the post: the run looks that post up among the rows
-- that sent it, to tell the user which run and row made it (a row whose date was moved, say); without the index each
-- such refusal would scan every stored row
CREATE INDEX PINBATCH_ROW_RESULT_POST_ID ON PINBATCH_ROW_RESULT (POST_ID);
