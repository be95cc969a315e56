package com.pinbatch.result;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import javax.sql.DataSource;

import com.carrotsearch.hppc.LongHashSet;
import com.pinbatch.pin.PinIdentity;
import com.pinbatch.text.SafeText;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Each row's outcome, kept in the job repository's database next to Spring Batch's own tables, so the result file
 * can be rebuilt complete after any crash. Saved the moment an outcome is known (sending threads have no chunk
 * transaction, so their saves commit at once): a restart finds the rows Zernio already accepted and does not send
 * them again.
 */
public class RowResultStore {

	private static final int MESSAGE_LIMIT = 4000;

	private static final RowMapper<RowResult> MAPPER = RowResultStore::map;

	/** Rows of one run from one row number to another, both included: an index range on the primary key. */
	private static final String IN_RANGE = " RUN_KEY = ? AND ROW_NUMBER >= ? AND ROW_NUMBER <= ?";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	public RowResultStore(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	public void save(String runKey, RowResult result) {
		save(runKey, result, null);
	}

	/** Stores one row's outcome; {@code account} names the account it went to (null when none was resolved). */
	public void save(String runKey, RowResult result, String account) {
		save(runKey, result, account, null);
	}

	/**
	 * Stores one row's outcome.
	 *
	 * @param account   names the account it went to (null when none was resolved)
	 * @param accountId that account's Zernio id, so the run can ask for the account's posts (null: keep the stored one)
	 */
	public void save(String runKey, RowResult result, String account, String accountId) {
		saveAll(runKey, List.of(new Outcome(result, account, accountId)));
	}

	/**
	 * One row's outcome with the account it went to.
	 *
	 * @param account   names the account (null when none was resolved)
	 * @param accountId that account's Zernio id, so the run can ask for the account's posts (null: keep the stored one)
	 */
	public record Outcome(RowResult result, String account, String accountId) {
	}

	/**
	 * Stores several rows' outcomes with one prepared statement each for updating and inserting: HSQLDB parses every
	 * statement it prepares, which costs more than storing a row.
	 */
	public void saveAll(String runKey, List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			return;
		}
		List<Object[]> rows = outcomes.stream().map(outcome -> values(runKey, outcome)).toList();
		int[][] updated = jdbc.batchUpdate("""
				UPDATE PINBATCH_ROW_RESULT SET STATUS = ?, POST_ID = ?, PIN_URL = ?, ERROR_CODE = ?, ERROR_MESSAGE = ?,
				  ATTEMPTS = ?, REQUEST_ID = ?, FINISHED_AT_MS = ?, ACCOUNT = COALESCE(?, ACCOUNT),
				  ACCOUNT_ID = COALESCE(?, ACCOUNT_ID), PUBLISH_AT_MS = COALESCE(?, PUBLISH_AT_MS) WHERE RUN_KEY = ? AND ROW_NUMBER = ?""",
				rows, rows.size(), (statement, values) -> setAll(statement, values));
		List<Object[]> missing = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			int count = updated[0][i];
			if (count == 0 || count == Statement.SUCCESS_NO_INFO && !stored(runKey, outcomes.get(i).result())) {
				missing.add(rows.get(i));
			}
		}
		if (!missing.isEmpty()) {
			jdbc.batchUpdate("""
					INSERT INTO PINBATCH_ROW_RESULT (STATUS, POST_ID, PIN_URL, ERROR_CODE, ERROR_MESSAGE, ATTEMPTS,
					  REQUEST_ID, FINISHED_AT_MS, ACCOUNT, ACCOUNT_ID, PUBLISH_AT_MS, RUN_KEY, ROW_NUMBER)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", missing, missing.size(),
					(statement, values) -> setAll(statement, values));
		}
	}

	private boolean stored(String runKey, RowResult result) {
		return !range(runKey, result.rowNumber(), result.rowNumber()).isEmpty();
	}

	private static Object[] values(String runKey, Outcome outcome) {
		RowResult result = outcome.result();
		return new Object[] { result.status().name(), result.postId(), truncate(result.pinUrl(), 500),
				result.errorCode(), message(result.errorMessage()), result.attempts(),
				result.requestId(), result.finishedAt() == null ? null : result.finishedAt().toEpochMilli(),
				outcome.account(), outcome.accountId(),
				result.publishAt() == null ? null : result.publishAt().toEpochMilli(), runKey, result.rowNumber() };
	}

	private static void setAll(PreparedStatement statement, Object[] values) throws SQLException {
		for (int i = 0; i < values.length; i++) {
			StatementCreatorUtils.setParameterValue(statement, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
		}
	}

	/**
	 * What a {@code --follow-up} learnt of posts: the stored rows holding each post, while they still await its
	 * outcome, take it, so a later run of the same pins knows that a pin Pinterest refused is not on Zernio (and
	 * sends its row again) instead of taking it for the pin it was when it was sent. Final rows are left as they are,
	 * but for a publish failure of that very post: a retry of the post ({@code --retry-failed}, or Zernio's own) may
	 * have published it since, and the run that first failed it would report the failure the retry mended.
	 *
	 * @return rows changed
	 */
	public int learnt(Collection<RowResult> outcomes) {
		List<Object[]> rows = outcomes.stream()
			.filter(outcome -> outcome.postId() != null)
			.map(outcome -> new Object[] { outcome.status().name(), truncate(outcome.pinUrl(), 500),
					outcome.errorCode(), message(outcome.errorMessage()), outcome.postId() })
			.toList();
		if (rows.isEmpty()) {
			return 0;
		}
		int[][] updated = jdbc.batchUpdate("""
				UPDATE PINBATCH_ROW_RESULT SET STATUS = ?, PIN_URL = ?, ERROR_CODE = ?, ERROR_MESSAGE = ?
				WHERE POST_ID = ? AND (STATUS IN ('CREATED', 'DUPLICATE', 'SCHEDULED')
				  OR STATUS = 'FAILED' AND ERROR_CODE LIKE 'publish!_%' ESCAPE '!')""",
				rows, rows.size(), (statement, values) -> setAll(statement, values));
		return Arrays.stream(updated).flatMapToInt(Arrays::stream).map(count -> Math.max(count, 0)).sum();
	}

	/**
	 * A row on Zernio whose outcome is still to learn, with what asking for it needs.
	 *
	 * @param accountId the Zernio account it went to, or null when not known
	 * @param sentAt    when it was sent (its post was created then or shortly after), or null when not known
	 */
	public record Awaited(RowResult result, String account, String accountId, Instant sentAt) {
	}

	/**
	 * The rows of a run that are on Zernio with their outcome still to learn (CREATED, DUPLICATE), or whose publish
	 * failed for a reason that may pass (a {@code publish_*} code of a transient failure), in row order.
	 */
	public List<Awaited> awaitingOutcome(String runKey) {
		return jdbc.query("""
				SELECT * FROM PINBATCH_ROW_RESULT WHERE RUN_KEY = ? AND POST_ID IS NOT NULL
				AND (STATUS IN ('CREATED', 'DUPLICATE') OR (STATUS = 'FAILED' AND ERROR_CODE IN ('publish_rate_limited',
				  'publish_platform_error', 'publish_system_error', 'publish_quota_exhausted')))
				ORDER BY ROW_NUMBER""", (rs, rowNum) -> {
			long sentMs = rs.getLong("SENT_AT_MS");
			Instant sentAt = rs.wasNull() ? null : Instant.ofEpochMilli(sentMs);
			if (sentAt == null) {
				long finishedMs = rs.getLong("FINISHED_AT_MS");
				sentAt = rs.wasNull() ? null : Instant.ofEpochMilli(finishedMs);
			}
			return new Awaited(map(rs, rowNum), rs.getString("ACCOUNT"), rs.getString("ACCOUNT_ID"), sentAt);
		}, runKey);
	}

	/**
	 * Notes that a row is about to be sent, before the request leaves: if the process dies before the answer is
	 * stored, the next run knows this row may exist on Zernio and looks for it before sending it again.
	 *
	 * @param pin      how later runs find the row's pin once it is on Zernio; null: they do not
	 * @param repeated the send repeats one whose answer was lost, under the same id: the first send's time is kept,
	 *                 since Zernio's replay of the id is counted from it, however often it is repeated
	 */
	public void markSent(String runKey, long rowNumber, String requestId, Instant sentAt, PinKey pin) {
		markSent(runKey, rowNumber, requestId, sentAt, pin, false);
	}

	/** The same, for a send that may repeat one whose answer was lost ({@code repeated}). */
	public void markSent(String runKey, long rowNumber, String requestId, Instant sentAt, PinKey pin,
			boolean repeated) {
		save(runKey, new RowResult(rowNumber, RowStatus.PENDING, null, null, null, 0, requestId, null));
		jdbc.update("UPDATE PINBATCH_ROW_RESULT SET SENT_AT_MS = " + (repeated ? "COALESCE(SENT_AT_MS, ?)" : "?")
				+ ", PIN_KEY = ?, PIN_TARGET = ?, PIN_CONTENT_KEY = ? WHERE RUN_KEY = ? AND ROW_NUMBER = ?",
				sentAt.toEpochMilli(), pin == null ? null : pin.identity(), pin == null ? null : pin.target(),
				pin == null ? null : pin.content(), runKey, rowNumber);
	}

	/** The first row of an answer, as the pin its run sent. */
	private static final ResultSetExtractor<Optional<EarlierPin>> FIRST_SENT = rs -> rs.next()
			? Optional.of(new EarlierPin(rs.getString("RUN_KEY"), map(rs, 0),
					Instant.ofEpochMilli(rs.getLong("SENT_AT_MS"))))
			: Optional.empty();

	/** Rows whose pin is on Zernio and not refused there: what a later run must not create again. */
	private static final String PIN_ON_ZERNIO = "POST_ID IS NOT NULL"
			+ " AND STATUS IN ('CREATED', 'DUPLICATE', 'SCHEDULED', 'PUBLISHED')";

	/**
	 * The pins that runs other than {@code runKey} put on {@code target}, each as its identity's
	 * {@link PinKey#prefix}: a run holds them all in memory (8 bytes a pin) and asks {@link #earlierPin} only about a
	 * row whose identity is among them.
	 */
	public LongHashSet pinsOnZernio(String target, String runKey) {
		return pinsOnZernio(target, runKey, Instant.MAX, (run, account, at) -> {
		});
	}

	/** When a run's pin publishes, with its account as printed. */
	@FunctionalInterface
	public interface PublishTimes {

		void of(String runKey, String account, Instant at);
	}

	/**
	 * The same, in the same pass telling {@code publishTimes} when each of those pins publishes (or published) from
	 * {@code since} on, with its account as printed: a run's plan counts them against the accounts' caps, as Zernio
	 * does.
	 */
	public LongHashSet pinsOnZernio(String target, String runKey, Instant since, PublishTimes publishTimes) {
		LongHashSet prefixes = new LongHashSet();
		long sinceMs = since.equals(Instant.MAX) ? Long.MAX_VALUE : since.toEpochMilli();
		jdbc.query("SELECT PIN_KEY, ACCOUNT, PUBLISH_AT_MS, SENT_AT_MS, RUN_KEY FROM PINBATCH_ROW_RESULT"
				+ " WHERE PIN_TARGET = ? AND RUN_KEY <> ? AND " + PIN_ON_ZERNIO, rs -> {
					prefixes.add(new PinKey(rs.getString(1), target).prefix());
					String account = rs.getString(2);
					long publishMs = rs.getLong(3);
					long at = rs.wasNull() ? rs.getLong(4) : publishMs; // published when it was sent
					if (account != null && at >= sinceMs) {
						publishTimes.of(rs.getString(5), account, Instant.ofEpochMilli(at));
					}
				}, target, runKey);
		return prefixes;
	}

	/**
	 * Rows of runs other than {@code runKey} that sent a pin to {@code target} and never learnt whether it was created
	 * (no answer stored, or one of {@code unknownCodes}), with the earliest such send by identity: the pin may exist,
	 * so a row with that identity is looked for on Zernio before it is sent.
	 */
	public Map<String, Instant> pinsSentWithoutAnswer(String target, String runKey, Set<String> unknownCodes) {
		Map<String, Instant> sent = new HashMap<>();
		named.query("""
				SELECT PIN_KEY, MIN(SENT_AT_MS) FROM PINBATCH_ROW_RESULT
				WHERE PIN_TARGET = :target AND RUN_KEY <> :run AND SENT_AT_MS IS NOT NULL
				  AND (STATUS = 'PENDING' OR STATUS = 'FAILED' AND ERROR_CODE IN (:codes))
				GROUP BY PIN_KEY""", Map.of("target", target, "run", runKey, "codes", unknownCodes), rs -> {
			sent.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
		});
		return sent;
	}

	/** Whether any run stored the key of a pin it sent: until one did, no row can be another run's pin. */
	public boolean holdsPins() {
		return !jdbc.queryForList("SELECT 1 FROM PINBATCH_ROW_RESULT WHERE PIN_KEY IS NOT NULL FETCH FIRST 1 ROWS ONLY",
				Integer.class).isEmpty();
	}

	/**
	 * A pin another run put on Zernio: the run, and its row's stored outcome.
	 *
	 * @param sentAt when that row was sent
	 */
	public record EarlierPin(String runKey, RowResult result, Instant sentAt) {
	}

	/**
	 * The latest pin with this key that a run other than {@code runKey} put on Zernio, if any, as the job repository
	 * knows it now: a later run that carried it over and followed it may have learnt that it was published since, or
	 * that Pinterest refused it, or that Zernio no longer has it (then there is no pin: the row may be sent again).
	 */
	public Optional<EarlierPin> earlierPin(PinKey pin, String runKey) {
		return latestSent(pin, runKey, PIN_ON_ZERNIO).flatMap(sent -> latestKnown(sent, runKey));
	}

	/** The sent pin as the latest row holding its post knows it; empty once that row knows it is not on Zernio. */
	private Optional<EarlierPin> latestKnown(EarlierPin sent, String runKey) {
		RowResult known = latestOfPost(sent.result().postId(), runKey);
		if (known == null || known.status() == sent.result().status()) {
			return Optional.of(sent);
		}
		if (!RowStatus.isOnZernio(known.status().name())) {
			return Optional.empty();
		}
		// the sender's row, for the message (which row made it), with what is known of its post now
		return Optional.of(new EarlierPin(sent.runKey(), new RowResult(sent.result().rowNumber(), known.status(),
				known.postId(), known.pinUrl(), known.errorCode(), known.errorMessage(), known.attempts(),
				known.requestId(), known.finishedAt(), known.publishAt()), sent.sentAt()));
	}

	/** What the latest row of a run other than {@code runKey} holding the post knows of it; null when none does. */
	private RowResult latestOfPost(String postId, String runKey) {
		return jdbc.query("SELECT * FROM PINBATCH_ROW_RESULT WHERE POST_ID = ? AND RUN_KEY <> ? AND"
				+ " FINISHED_AT_MS IS NOT NULL ORDER BY FINISHED_AT_MS DESC", (ResultSet rs) -> rs.next()
						? map(rs, 0) : null, postId, runKey);
	}

	/** Rows whose post Zernio took and that then failed (whatever its code). */
	private static final String PIN_FAILED_ON_ZERNIO = "POST_ID IS NOT NULL AND STATUS = 'FAILED'";

	/**
	 * The pins that runs other than {@code runKey} put on {@code target} and that then failed there with a code
	 * {@code standing} accepts (Pinterest refused or removed them, say), as identity prefixes: such a pin stands for
	 * its row, which a later run does not pin again as it is.
	 */
	public LongHashSet pinsFailedOnZernio(String target, String runKey, Predicate<String> standing) {
		LongHashSet prefixes = new LongHashSet();
		jdbc.query("SELECT PIN_KEY, ERROR_CODE FROM PINBATCH_ROW_RESULT WHERE PIN_TARGET = ? AND RUN_KEY <> ? AND "
				+ PIN_FAILED_ON_ZERNIO, rs -> {
					if (standing.test(rs.getString(2))) {
						prefixes.add(new PinKey(rs.getString(1), target).prefix());
					}
				}, target, runKey);
		return prefixes;
	}

	/**
	 * The latest such pin with this key, as the latest row holding its post knows it now (published since, after a
	 * retry; or failed with a code {@code standing} does not accept: then none).
	 */
	public Optional<EarlierPin> earlierFailedPin(PinKey pin, String runKey, Predicate<String> standing) {
		return latestSent(pin, runKey, PIN_FAILED_ON_ZERNIO)
			.filter(sent -> standing.test(sent.result().errorCode()))
			.flatMap(sent -> {
				RowResult known = latestOfPost(sent.result().postId(), runKey);
				if (known == null) {
					return Optional.of(sent);
				}
				if (known.status() == RowStatus.FAILED && !standing.test(known.errorCode())) {
					return Optional.empty();
				}
				return Optional.of(new EarlierPin(sent.runKey(), new RowResult(sent.result().rowNumber(),
						known.status(), known.postId(), known.pinUrl(), known.errorCode(), known.errorMessage(),
						known.attempts(), known.requestId(), known.finishedAt(), known.publishAt()), sent.sentAt()));
			});
	}

	/**
	 * The latest send of a pin with this key by a run other than {@code runKey}, whatever came of it (it may be in
	 * flight still, in another input's run of the same command), if any.
	 */
	public Optional<EarlierPin> sentElsewhere(PinKey pin, String runKey) {
		return latestSent(pin, runKey, "SENT_AT_MS IS NOT NULL");
	}

	/**
	 * The contents ({@link PinKey#content}, as prefixes) of the pins that runs other than {@code runKey} sent to
	 * {@code target} and that wait to be published after {@code now}, as far as the job repository knows: few (the
	 * pins scheduled ahead), so a run holds them to tell a row whose date moved.
	 */
	public LongHashSet contentsScheduledAfter(String target, String runKey, Instant now) {
		LongHashSet prefixes = new LongHashSet();
		jdbc.query("SELECT PIN_CONTENT_KEY FROM PINBATCH_ROW_RESULT WHERE PIN_TARGET = ? AND RUN_KEY <> ?"
				+ " AND PIN_CONTENT_KEY IS NOT NULL AND PUBLISH_AT_MS > ? AND " + PIN_ON_ZERNIO, rs -> {
					prefixes.add(PinIdentity.prefix(rs.getString(1)));
				}, target, runKey, now.toEpochMilli());
		return prefixes;
	}

	/**
	 * The latest pin with this content that a run other than {@code runKey} sent to {@code target}, if it still
	 * waits to be published after {@code now} as the job repository knows it now (see {@link #earlierPin}).
	 */
	public Optional<EarlierPin> scheduledWithContent(String content, String target, String runKey, Instant now) {
		return jdbc.query("SELECT * FROM PINBATCH_ROW_RESULT WHERE PIN_CONTENT_KEY = ? AND PIN_TARGET = ?"
				+ " AND RUN_KEY <> ? AND " + PIN_ON_ZERNIO + " ORDER BY SENT_AT_MS DESC", FIRST_SENT,
				content, target, runKey)
			.flatMap(sent -> latestKnown(sent, runKey))
			.filter(pin -> pin.result().status() != RowStatus.PUBLISHED && pin.result().publishAt() != null
					&& pin.result().publishAt().isAfter(now));
	}

	/**
	 * The row that sent the post with this id to {@code target}, latest first, whichever run it was and whatever its
	 * pin's identity (the row may have changed since): who made the post Zernio names when it refuses a row's content.
	 */
	public Optional<EarlierPin> senderOf(String postId, String target) {
		return jdbc.query("SELECT * FROM PINBATCH_ROW_RESULT WHERE POST_ID = ? AND PIN_TARGET = ?"
				+ " AND SENT_AT_MS IS NOT NULL ORDER BY SENT_AT_MS DESC", FIRST_SENT,
				postId, target);
	}

	/**
	 * The content ({@link PinKey#content}: the pin without its time) of the row that sent the post with this id last;
	 * empty when no row stored it.
	 */
	public Optional<String> contentOfPost(String postId, String target) {
		List<String> contents = jdbc.queryForList("SELECT PIN_CONTENT_KEY FROM PINBATCH_ROW_RESULT WHERE POST_ID = ?"
				+ " AND PIN_TARGET = ? AND SENT_AT_MS IS NOT NULL ORDER BY SENT_AT_MS DESC", String.class, postId,
				target);
		return contents.isEmpty() ? Optional.empty() : Optional.ofNullable(contents.get(0));
	}

	private Optional<EarlierPin> latestSent(PinKey pin, String runKey, String condition) {
		return jdbc.query("SELECT * FROM PINBATCH_ROW_RESULT WHERE PIN_KEY = ? AND PIN_TARGET = ? AND RUN_KEY <> ? AND "
				+ condition + " ORDER BY SENT_AT_MS DESC", FIRST_SENT,
				pin.identity(), pin.target(), runKey);
	}

	/**
	 * Rows of the given ones that were sent but whose answer was never stored, or that failed after being sent, with
	 * when they were first sent (under their id: a repeat keeps the first time).
	 */
	public Map<Long, Instant> sentWithoutAnswer(String runKey, Collection<Long> rowNumbers) {
		Map<Long, Instant> sent = new HashMap<>();
		eachOf(runKey, rowNumbers, "SELECT ROW_NUMBER, SENT_AT_MS FROM PINBATCH_ROW_RESULT"
				+ " WHERE STATUS IN ('PENDING', 'FAILED') AND SENT_AT_MS IS NOT NULL AND", rs -> {
					sent.put(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)));
				});
		return sent;
	}

	/** The stored outcomes of the given rows, by row number (rows without one are absent). */
	public Map<Long, RowResult> find(String runKey, Collection<Long> rowNumbers) {
		Map<Long, RowResult> found = new HashMap<>();
		eachOf(runKey, rowNumbers, "SELECT * FROM PINBATCH_ROW_RESULT WHERE", rs -> {
			RowResult result = map(rs, 0);
			found.put(result.rowNumber(), result);
		});
		return found;
	}

	/** The stored outcomes of rows {@code fromRow} to {@code toRow} (both included), in row order. */
	public List<RowResult> range(String runKey, long fromRow, long toRow) {
		return jdbc.query("SELECT * FROM PINBATCH_ROW_RESULT WHERE" + IN_RANGE + " ORDER BY ROW_NUMBER", MAPPER,
				runKey, fromRow, toRow);
	}

	/**
	 * Hands each stored row of the given ones to {@code handler}; {@code selectWhere} ends with WHERE or AND. Asked
	 * as index ranges on the primary key: a chunk's rows are consecutive, so one range; scattered rows one by one.
	 * (An IN list, or ORDER BY with FETCH FIRST, makes HSQLDB read every row of the run each time: quadratic.)
	 */
	private void eachOf(String runKey, Collection<Long> rowNumbers, String selectWhere, RowCallbackHandler handler) {
		if (rowNumbers.isEmpty()) {
			return;
		}
		LongSummaryStatistics span = rowNumbers.stream().mapToLong(Long::longValue).summaryStatistics();
		Set<Long> wanted = Set.copyOf(rowNumbers);
		RowCallbackHandler onlyWanted = rs -> {
			if (wanted.contains(rs.getLong("ROW_NUMBER"))) {
				handler.processRow(rs);
			}
		};
		if (span.getMax() - span.getMin() <= 4L * wanted.size() + 64) {
			jdbc.query(selectWhere + IN_RANGE, onlyWanted, runKey, span.getMin(), span.getMax());
		}
		else {
			wanted.forEach(row -> jdbc.query(selectWhere + IN_RANGE, onlyWanted, runKey, row, row));
		}
	}

	/** Outcomes stored so far (rows sent and still waiting for an answer are not outcomes yet). */
	public Map<RowStatus, Long> countByStatus(String runKey) {
		Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
		jdbc.query("SELECT STATUS, COUNT(*) FROM PINBATCH_ROW_RESULT WHERE RUN_KEY = ? AND STATUS <> 'PENDING'"
				+ " GROUP BY STATUS", rs -> {
					counts.put(RowStatus.valueOf(rs.getString(1)), rs.getLong(2));
				}, runKey);
		return counts;
	}

	/** When the run's first SCHEDULED row publishes; empty when it has none with a time. */
	public Optional<Instant> firstScheduled(String runKey) {
		Long first = jdbc.queryForObject("SELECT MIN(PUBLISH_AT_MS) FROM PINBATCH_ROW_RESULT WHERE RUN_KEY = ? AND"
				+ " STATUS = 'SCHEDULED'", Long.class, runKey);
		return Optional.ofNullable(first).map(Instant::ofEpochMilli);
	}

	/** Rows per account and status, accounts by name (rows that never reached an account are left out). */
	public Map<String, Map<RowStatus, Long>> countByAccount(String runKey) {
		Map<String, Map<RowStatus, Long>> accounts = new TreeMap<>();
		jdbc.query("""
				SELECT ACCOUNT, STATUS, COUNT(*) FROM PINBATCH_ROW_RESULT WHERE RUN_KEY = ? AND ACCOUNT IS NOT NULL
				GROUP BY ACCOUNT, STATUS""", rs -> {
			accounts.computeIfAbsent(rs.getString(1), account -> new EnumMap<>(RowStatus.class))
				.put(RowStatus.valueOf(rs.getString(2)), rs.getLong(3));
		}, runKey);
		return accounts;
	}

	/**
	 * The account (by name) each of these posts went to, as the runs of this data folder stored it; posts sent from
	 * elsewhere are absent.
	 */
	public Map<String, String> accountsOfPosts(Collection<String> postIds) {
		Map<String, String> accounts = new HashMap<>();
		if (!postIds.isEmpty()) {
			named.query("SELECT POST_ID, ACCOUNT FROM PINBATCH_ROW_RESULT WHERE POST_ID IN (:posts)"
					+ " AND ACCOUNT IS NOT NULL", Map.of("posts", postIds),
					(RowCallbackHandler) rs -> accounts.put(rs.getString(1), rs.getString(2)));
		}
		return accounts;
	}

	private Boolean postgres;

	private boolean postgres() {
		if (postgres == null) {
			postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> connection
				.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
		}
		return postgres;
	}

	/** Deletes the stored outcomes of these runs and the publish retries of their posts; returns the rows deleted. */
	public int delete(Collection<String> runKeys) {
		if (runKeys.isEmpty()) {
			return 0;
		}
		named.update("DELETE FROM PINBATCH_PUBLISH_RETRY WHERE POST_ID IN (SELECT POST_ID FROM PINBATCH_ROW_RESULT"
				+ " WHERE RUN_KEY IN (:keys) AND POST_ID IS NOT NULL)", Map.of("keys", runKeys));
		return named.update("DELETE FROM PINBATCH_ROW_RESULT WHERE RUN_KEY IN (:keys)", Map.of("keys", runKeys));
	}

	/**
	 * How often pinbatch had Zernio publish each of these posts again, by any run or follow-up of this job repository
	 * (absent: never), so that the retries allowed ({@code pinbatch.follow.max-retries}) are per post, not per
	 * follow-up.
	 */
	public Map<String, Integer> publishRetries(Collection<String> postIds) {
		Map<String, Integer> retries = new HashMap<>();
		List<String> ids = postIds.stream().filter(id -> id != null).distinct().toList();
		for (int from = 0; from < ids.size(); from += 500) {
			named.query("SELECT POST_ID, RETRIES FROM PINBATCH_PUBLISH_RETRY WHERE POST_ID IN (:posts)",
					Map.of("posts", ids.subList(from, Math.min(ids.size(), from + 500))),
					(RowCallbackHandler) rs -> retries.put(rs.getString(1), rs.getInt(2)));
		}
		return retries;
	}

	/** Notes that the post was published again, {@code retries} times in all (a lower count never replaces one). */
	public void publishRetried(String postId, int retries, Instant at) {
		if (postgres()) {
			// one statement, safe with several hosts noting the same post at once (a shared repository)
			jdbc.update("INSERT INTO PINBATCH_PUBLISH_RETRY (POST_ID, RETRIES, RETRIED_AT_MS) VALUES (?, ?, ?)"
					+ " ON CONFLICT (POST_ID) DO UPDATE SET RETRIES = EXCLUDED.RETRIES, RETRIED_AT_MS ="
					+ " EXCLUDED.RETRIED_AT_MS WHERE PINBATCH_PUBLISH_RETRY.RETRIES < EXCLUDED.RETRIES", postId,
					retries, at.toEpochMilli());
			return;
		}
		int updated = jdbc.update("UPDATE PINBATCH_PUBLISH_RETRY SET RETRIES = ?, RETRIED_AT_MS = ? WHERE POST_ID = ?"
				+ " AND RETRIES < ?", retries, at.toEpochMilli(), postId, retries);
		if (updated == 0) {
			// not an insert that may fail: on PostgreSQL a failed statement would end the step's transaction
			jdbc.update("INSERT INTO PINBATCH_PUBLISH_RETRY (POST_ID, RETRIES, RETRIED_AT_MS) SELECT ?, ?, ?"
					+ " FROM (VALUES (0)) AS ONE (X) WHERE NOT EXISTS (SELECT 1 FROM PINBATCH_PUBLISH_RETRY"
					+ " WHERE POST_ID = ?)", postId, retries, at.toEpochMilli(), postId);
		}
	}

	private static RowResult map(ResultSet rs, int rowNum) throws SQLException {
		long finishedMs = rs.getLong("FINISHED_AT_MS");
		Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finishedMs);
		long publishMs = rs.getLong("PUBLISH_AT_MS");
		Instant publishAt = rs.wasNull() ? null : Instant.ofEpochMilli(publishMs);
		return new RowResult(rs.getLong("ROW_NUMBER"), RowStatus.valueOf(rs.getString("STATUS")),
				rs.getString("POST_ID"), rs.getString("PIN_URL"), rs.getString("ERROR_CODE"), rs.getString("ERROR_MESSAGE"),
				rs.getInt("ATTEMPTS"), rs.getString("REQUEST_ID"), finishedAt, publishAt);
	}

	/**
	 * A row's message as it is kept: without the key or anything shaped like one (a server's answer quotes what it
	 * was given, and a later run under another key would write the message out as it is), and cut to the column.
	 */
	private static String message(String text) {
		return truncate(SafeText.withoutSecrets(text), MESSAGE_LIMIT);
	}

	private static String truncate(String text, int limit) {
		return text == null || text.length() <= limit ? text : text.substring(0, limit);
	}
}
