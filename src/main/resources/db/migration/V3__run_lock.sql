-- the run lease, now ShedLock's (com.pinbatch.lease.RunLease): its standard table under a PINBATCH_ name, so that a
-- shared database where another application already has a "shedlock" table keeps the two apart. TIMESTAMP without
-- time zone, as ShedLock's database-time statements expect on both HSQLDB and PostgreSQL.
CREATE TABLE IF NOT EXISTS PINBATCH_RUN_LOCK (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  lock_until TIMESTAMP NOT NULL,
  locked_at TIMESTAMP NOT NULL,
  locked_by VARCHAR(300) NOT NULL);

-- the hand-written lease's table: no version reads it any more (a run it held was refused or finished before this
-- version started: its heartbeat stopped with its process)
DROP TABLE IF EXISTS PINBATCH_RUN_LEASE;
