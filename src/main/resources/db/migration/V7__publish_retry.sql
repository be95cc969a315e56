-- how often pinbatch had Zernio publish each post again (POST /v1/posts/{id}/retry), over every run and follow-up:
-- a follow-up each night would otherwise start from none and retry a post that keeps failing for ever
CREATE TABLE PINBATCH_PUBLISH_RETRY (
  POST_ID VARCHAR(100) NOT NULL PRIMARY KEY,
  RETRIES INT NOT NULL,
  RETRIED_AT_MS BIGINT NOT NULL);
