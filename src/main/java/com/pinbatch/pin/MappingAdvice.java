package com.pinbatch.pin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.pinbatch.input.InputRow;
import com.pinbatch.text.ClosestNames;

/**
 * Says which headers of a file fill no field, so no column is ignored silently, and refuses a file from which no pin
 * could be made (no title, media or board column) with a mapping file for its headers, ready to save and use.
 */
public final class MappingAdvice {

	private MappingAdvice() {
	}

	/**
	 * {@code not used: Pin name, Go live — if one holds a pin field, map it with --mapping}, when some header
	 * fills no field: most are a team's own columns (a campaign, notes), kept in the result file; one may be a pin
	 * field under a name not known.
	 */
	public static Optional<String> notUsed(BoundColumns columns) {
		List<String> unused = unusedHeaders(columns);
		if (unused.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("not used: " + String.join(", ", unused) + " — if " + (unused.size() == 1 ? "it holds"
				: "one holds") + " a pin field, map it with --mapping");
	}

	/**
	 * {@code read by the name before their note: 'Link (old)' as link, 'Title (max 100 characters)' as title}: such a
	 * header was not read before, and its note may say the column is no longer the one to use.
	 */
	public static Optional<String> readByName(BoundColumns columns, ColumnMapping mapping) {
		return readAs(columns, (field, header) -> !columns.byFallback(field) && !mapping.knows(header)
				&& ColumnMapping.withoutNote(header) != null, "read by the name before their note: ");
	}

	/**
	 * {@code read by a name of the fallback list: 'Bild-URL' as media_url, 'Website' as link}: such a column was not
	 * read before (a file without a media column was refused, a link column left out), and may not be what is meant.
	 */
	public static Optional<String> readByFallback(BoundColumns columns) {
		return readAs(columns, (field, header) -> columns.byFallback(field), "read by a name of the fallback list"
				+ " (config/fallback-header-names.yml): ");
	}

	private static Optional<String> readAs(BoundColumns columns, BiPredicate<PinField, String> readSo, String what) {
		List<String> read = new ArrayList<>();
		for (PinField field : PinField.values()) {
			String header = columns.header(field);
			if (header != null && readSo.test(field, header)) {
				read.add("'" + header.strip() + "' as " + field.column());
			}
		}
		return read.isEmpty() ? Optional.empty() : Optional.of(what + String.join(", ", read)
				+ " — if one is not the column to use, rename it");
	}

	/**
	 * {@code 'Time (EST)' names the time zone EST, but times without an offset are read in Europe/Berlin ...}: a
	 * calendar's header may say which zone its times are in, which the run does not take from it (a zone's
	 * abbreviation names more than one zone); said when that zone's clocks differ from the run's.
	 */
	public static Optional<String> zoneInHeader(BoundColumns columns, ZoneId runZone, Instant now) {
		if (columns.has(PinField.TIMEZONE)) {
			return Optional.empty(); // the file says each row's zone
		}
		for (PinField field : List.of(PinField.PUBLISH_TIME, PinField.PUBLISH_AT)) {
			String header = columns.header(field);
			String note = header == null ? null : ColumnMapping.noteOf(header);
			Optional<ZoneId> named = note == null ? Optional.empty() : HeaderZones.named(note.strip());
			if (named.isPresent() && !sameClocks(named.get(), runZone, now)) {
				return Optional.of("'" + header.strip() + "' names the time zone " + note.strip() + ", but times"
						+ " without an offset are read in " + PublishAtCheck.name(runZone) + ": give --timezone="
						+ named.get().getId() + " if " + note.strip() + " is meant");
			}
		}
		return Optional.empty();
	}

	/** Whether two zones show the same time now and half a year on (summer and winter). */
	private static boolean sameClocks(ZoneId one, ZoneId other, Instant now) {
		Instant later = now.plus(Duration.ofDays(182));
		return one.getRules().getOffset(now).equals(other.getRules().getOffset(now))
				&& one.getRules().getOffset(later).equals(other.getRules().getOffset(later));
	}

	/**
	 * {@code the mapping's alt_text (Bildtext) is no header here}, for the fields the user's mapping file names that
	 * no column of this file fills: a header renamed since, or a typo, would otherwise leave the field empty unsaid.
	 */
	public static Optional<String> unmatched(BoundColumns columns, ColumnMapping mapping) {
		List<String> missing = mapping.givenFields().stream()
			.filter(field -> !columns.has(field) && !mapping.given(field).isEmpty()) // "publish_at: []": none, as said
			.sorted()
			.map(field -> field.column() + " (" + String.join(", ", mapping.given(field)) + ")")
			.toList();
		if (missing.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("the mapping file names " + String.join(", ", missing) + ", but no header of this file"
				+ " is " + (missing.size() == 1 ? "that" : "one of those") + ": " + (missing.size() == 1 ? "the field is"
						: "the fields are") + " empty in every row; check the header or the mapping");
	}

	/**
	 * @param boardDefault whether --board names the board of rows without one: then a board column is not needed
	 * @throws MappingException if title, media_url or (without {@code boardDefault}) board come from no column
	 */
	public static void requireColumns(BoundColumns columns, ColumnMapping mapping, boolean boardDefault) {
		requireColumns(columns, mapping, boardDefault, List::of);
	}

	/**
	 * As {@link #requireColumns(BoundColumns, ColumnMapping, boolean)}, the mapping lines it offers checked against
	 * the cells of the file's first rows (read only to refuse the file): a header guessed for a field by its name
	 * alone once sent the user round in circles ("Where" is close to "heure", a publish_time of board names,
	 * and board left to find).
	 */
	public static void requireColumns(BoundColumns columns, ColumnMapping mapping, boolean boardDefault,
			Supplier<List<InputRow>> firstRows) {
		Set<PinField> required = EnumSet.of(PinField.TITLE, PinField.MEDIA_URL);
		if (!boardDefault) {
			required.add(PinField.BOARD);
		}
		required.removeIf(columns::has);
		if (required.isEmpty()) {
			return;
		}
		List<String> unused = unusedHeaders(columns);
		Map<String, List<String>> cells = cellsByHeader(columns, firstRows.get());
		BiPredicate<PinField, String> fits = (field, header) -> cellsFit(field, cells.getOrDefault(header, List.of()));
		Map<PinField, String> guesses = guesses(columns::has, mapping, unused, fits);
		guessTheOneLeft(required, unused, cells, guesses, fits);
		StringBuilder message = new StringBuilder("no column gives ")
			.append(required.stream()
				.map(field -> field.column() + (mapping.given(field).isEmpty() ? ""
						: " (the mapping file names " + String.join(", ", mapping.given(field))
								+ ", which is no header of this file)"))
				.collect(Collectors.joining(", ")))
			.append(unused.isEmpty() ? "" : " (headers not recognised: " + String.join(", ", unused) + ")")
			.append("; map your headers with --mapping=FILE, e.g. save these lines as mapping.yml");
		if (required.contains(PinField.BOARD)) {
			message.append(" (or name one board for every row with --board=NAME)");
		}
		message.append(":");
		List<String> lines = lines(guesses);
		for (PinField field : required) {
			if (!guesses.containsKey(field)) {
				lines.add("# " + field.column() + ": [\"HEADER\"]   # the header of the column that holds the "
						+ field.column());
			}
		}
		throw new MappingException(message.toString(), lines);
	}

	/**
	 * Mapping file lines for a file none of whose headers is known, when at least two of them are close to a field's
	 * names ({@code Pin Titl}, {@code Image Lnk}): a pins file under other headers. One close header alone is most
	 * likely chance in a file that holds no pins ({@code bar} is two letters from {@code board}), and so is a header
	 * of three letters or fewer: none then.
	 */
	static List<String> guessedLines(List<String> headers, ColumnMapping mapping) {
		List<String> given = headers.stream().map(String::strip).filter(header -> header.length() > 3).toList();
		Map<PinField, String> guesses = guesses(field -> false, mapping, given, (field, header) -> true);
		return guesses.size() >= 2 ? lines(guesses) : List.of();
	}

	private static List<String> lines(Map<PinField, String> guesses) {
		List<String> lines = new ArrayList<>();
		guesses.forEach((field, header) -> lines.add(field.column() + ": [" + yamlString(header)
				+ "]   # did you mean " + field.column() + " for '" + header + "'?"));
		return lines;
	}

	/** Non-blank headers that fill no field, in file order. */
	private static List<String> unusedHeaders(BoundColumns columns) {
		return columns.unknownHeaders().stream().map(BoundColumns::shown).filter(header -> !header.isEmpty()).toList();
	}

	/** For each field without a column, the first unused header that is close to one of the field's names. */
	/** Words a header of the pin's picture or video holds, whatever else it says. */
	private static final Pattern MEDIA_WORDS = Pattern.compile(
			"(?i)(?<![a-z])(image|picture|photo|img|pic|video|media)s?(?![a-z])");

	private static Map<PinField, String> guesses(Predicate<PinField> hasColumn, ColumnMapping mapping,
			List<String> unused, BiPredicate<PinField, String> fits) {
		Map<PinField, String> guesses = new EnumMap<>(PinField.class);
		Map<String, PinField> known = mapping.fieldsByHeaderKey();
		Map<String, PinField> byDefault = ColumnMapping.defaults().fieldsByHeaderKey();
		for (String header : unused) {
			PinField named = byDefault.get(HeaderKey.of(header));
			if (named != null) {
				// "title" unused because a mapping file gave title other headers: that field, not one close by
				// (before: publish_time, for "time")
				if (!hasColumn.test(named) && !guesses.containsKey(named) && fits.test(named, header)) {
					guesses.put(named, header);
				}
				continue;
			}
			PinField fallback = mapping.fallbackField(header);
			if (fallback != null) {
				// "Photo URL" beside "Picture": a name of the media's fallback list, unused only for want of one
				if (!hasColumn.test(fallback) && !guesses.containsKey(fallback) && fits.test(fallback, header)) {
					guesses.put(fallback, header);
				}
				continue;
			}
			// "Picture link", "Image address": the media by its word, not the link its other word is closest to
			if (MEDIA_WORDS.matcher(header).find() && !hasColumn.test(PinField.MEDIA_URL)
					&& !guesses.containsKey(PinField.MEDIA_URL) && fits.test(PinField.MEDIA_URL, header)) {
				guesses.put(PinField.MEDIA_URL, header);
				continue;
			}
			List<String> close = ClosestNames.to(HeaderKey.of(header), new ArrayList<>(known.keySet()), 3);
			close.stream()
				.map(known::get)
				.filter(field -> !hasColumn.test(field) && !guesses.containsKey(field) && fits.test(field, header))
				.findFirst()
				.ifPresent(field -> guesses.put(field, header));
		}
		return guesses;
	}

	/**
	 * The one header nothing was guessed for, for the one required field without a guess, when that column holds
	 * cells that fit it: {@code Where} of {@code Pin name, Picture, Where}, whose cells name boards. A wrong guess
	 * costs nothing: the board look-up of the next try refuses names Zernio does not have, before anything is sent.
	 * Not for the title: any text may be one, so the cells would confirm nothing.
	 */
	private static void guessTheOneLeft(Set<PinField> required, List<String> unused, Map<String, List<String>> cells,
			Map<PinField, String> guesses, BiPredicate<PinField, String> fits) {
		List<PinField> unguessed = required.stream().filter(field -> !guesses.containsKey(field)).toList();
		if (unguessed.contains(PinField.TITLE)) {
			return;
		}
		List<String> left = unused.stream().filter(header -> !guesses.containsValue(header)).toList();
		if (unguessed.size() == 1 && left.size() == 1 && !cells.getOrDefault(left.get(0), List.of()).isEmpty()
				&& fits.test(unguessed.get(0), left.get(0))) {
			guesses.put(unguessed.get(0), left.get(0));
		}
	}

	/** The non-blank cells of each unused column in the rows given, by the header as messages show it. */
	private static Map<String, List<String>> cellsByHeader(BoundColumns columns, List<InputRow> rows) {
		Map<String, List<String>> cells = new HashMap<>();
		for (int column : columns.unusedColumns()) {
			List<String> shown = cells.computeIfAbsent(BoundColumns.shown(columns.headers().get(column)),
					header -> new ArrayList<>());
			rows.stream().map(row -> row.value(column)).filter(cell -> cell != null && !cell.isBlank())
				.forEach(shown::add);
		}
		return cells;
	}

	private static final Pattern DIGIT = Pattern.compile("\\d");

	private static final Pattern ADDRESS_OR_FILE = Pattern.compile("[./\\\\]");

	/**
	 * Whether most of a column's cells could hold the field: a time has digits, a web address or file name a dot or a
	 * slash; no cells (none read, or all blank) do not say otherwise.
	 */
	static boolean cellsFit(PinField field, List<String> cells) {
		Pattern shape = switch (field) {
			case PUBLISH_AT, PUBLISH_TIME, COVER_KEYFRAME_S -> DIGIT;
			case MEDIA_URL, COVER_IMAGE_URL, LINK -> ADDRESS_OR_FILE;
			default -> null;
		};
		if (shape == null || cells.isEmpty()) {
			return true;
		}
		long fitting = cells.stream().filter(cell -> shape.matcher(cell).find()).count();
		return fitting * 2 >= cells.size();
	}

	/** A YAML flow scalar that reads back as the header exactly, whatever it contains. */
	private static String yamlString(String header) {
		return "\"" + header.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}
