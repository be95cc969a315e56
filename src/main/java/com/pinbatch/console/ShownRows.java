package com.pinbatch.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.pinbatch.result.RowStatus;

/**
 * What a page shows of a result file, taken as its rows are read: their counts by status, and the rows it lists,
 * all of them or for a large file {@link #ROWS_SHOWN} (every row a person may have to act on first, then the
 * others), in row order. Only those are kept: a page that held every row of a 4.9-million-row upload took 6 GB at
 * each view, and a page of every row of a 70,000-row file was 52 MB of HTML, which took a browser a minute to open.
 */
final class ShownRows implements Consumer<ReviewRow> {

	static final int ROWS_SHOWN = 1000;

	private final Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);

	/** The first rows not VALID: refused, failed, or on Zernio. */
	private final List<ReviewRow> toAct = new ArrayList<>();

	/** The first VALID rows, shown after those when there is room. */
	private final List<ReviewRow> others = new ArrayList<>();

	private long rows;

	/** When the first SCHEDULED row publishes; null: none is. */
	private Instant firstScheduled;

	@Override
	public void accept(ReviewRow row) {
		rows++;
		if ("SCHEDULED".equals(row.status()) && row.publishes() != null
				&& (firstScheduled == null || row.publishes().isBefore(firstScheduled))) {
			firstScheduled = row.publishes();
		}
		for (RowStatus status : RowStatus.values()) {
			if (status.name().equals(row.status())) {
				counts.merge(status, 1L, Long::sum);
			}
		}
		List<ReviewRow> kept = "VALID".equals(row.status()) ? others : toAct;
		if (kept.size() < ROWS_SHOWN) {
			kept.add(row);
		}
	}

	/** The counts of rows all kept (a report of every row). */
	static Map<RowStatus, Long> countsOf(List<ReviewRow> rows) {
		ShownRows seen = new ShownRows();
		rows.forEach(seen);
		return seen.counts();
	}

	/** The rows by status; a row whose status is none of pinbatch's (a hand-edited file) is not counted. */
	Map<RowStatus, Long> counts() {
		return counts;
	}

	List<ReviewRow> shown() {
		return Stream.concat(toAct.stream(), others.stream().limit(Math.max(0, ROWS_SHOWN - toAct.size())))
			.sorted(Comparator.comparingLong(ReviewRow::row))
			.toList();
	}

	/** When the first SCHEDULED row publishes; null when none is. */
	Instant firstScheduled() {
		return firstScheduled;
	}

	/** How many rows the file has that the page does not list. */
	long notShown() {
		return rows - Math.min(rows, ROWS_SHOWN);
	}
}
