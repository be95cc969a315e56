package com.pinbatch.pin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.pinbatch.input.RowSource;
import com.pinbatch.text.ColumnLetters;

/**
 * Which spreadsheet headers fill which pin field. The built-in default ({@code config/default-mapping.yml},
 * shipped as a classpath resource beside this class) knows our headers, Pinterest's bulk-create template and
 * common synonyms; a user file given with --mapping replaces the headers of the fields it names.
 */
public final class ColumnMapping {

	private static final String DEFAULT_RESOURCE = "default-mapping.yml";

	private static final String FALLBACK_RESOURCE = "fallback-header-names.yml";

	/** Normalised header ({@link HeaderKey}) to the field it fills. */
	private final Map<String, PinField> fieldByHeader;

	/**
	 * Names read only for a field no column fills by the names above, and from one column alone
	 * ({@code config/fallback-header-names.yml}): "Bild-URL", "Website". A sheet read before is read as it was.
	 */
	private final Map<String, PinField> fallbackByHeader;

	/** A name, then a note in brackets: "Title (max 100 characters)", "Publish time [CET]". */
	private static final Pattern NOTED_HEADER = Pattern
		.compile("\\s*([^(\\[]*[^(\\[\\s])\\s*[(\\[]([^()\\[\\]]*)[)\\]]\\s*");

	/** The headers a user's mapping file gives its fields (none for the built-in mapping). */
	private final Map<PinField, List<String>> given;

	private ColumnMapping(Map<String, PinField> fieldByHeader, Map<String, PinField> fallbackByHeader,
			Map<PinField, List<String>> given) {
		this.fieldByHeader = Map.copyOf(fieldByHeader);
		// a name of a field's own list is that field's, whatever the fallback list says
		Map<String, PinField> fallback = new HashMap<>(fallbackByHeader);
		fallback.keySet().removeAll(fieldByHeader.keySet());
		fallback.values().removeAll(given.keySet()); // a field the user's file names has the names given there only
		this.fallbackByHeader = Map.copyOf(fallback);
		this.given = Map.copyOf(given);
	}

	/** The headers the user's mapping file names for {@code field}; empty when it does not name the field. */
	List<String> given(PinField field) {
		return given.getOrDefault(field, List.of());
	}

	/** The fields the user's mapping file names. */
	Set<PinField> givenFields() {
		return given.keySet();
	}

	public static ColumnMapping defaults() {
		return Defaults.MAPPING;
	}

	/** The mapping a run uses: that of the file given ({@code --mapping}), else the built-in one. */
	public static ColumnMapping of(Path fileOrNull) {
		return fileOrNull == null ? defaults() : fromYaml(fileOrNull);
	}

	/**
	 * The default mapping with the fields named in {@code file} replaced by the headers listed there.
	 *
	 * @throws MappingException if the file cannot be read, is not valid YAML, names an unknown field, or lists
	 *                          one header under two fields
	 */
	public static ColumnMapping fromYaml(Path file) {
		Map<PinField, List<String>> own;
		try (InputStream in = Files.newInputStream(file)) {
			own = MappingFile.read(in, file.toString());
		}
		catch (NoSuchFileException ex) {
			throw new MappingException(file + ": mapping file not found; check the --mapping path");
		}
		catch (IOException ex) {
			throw new MappingException(file + ": cannot read the mapping file: " + ex.getMessage(), ex);
		}
		Map<PinField, List<String>> aliases = new EnumMap<>(Defaults.ALIASES);
		aliases.putAll(own);
		Map<String, PinField> claimedByUser = index(own, file.toString());
		// a header the user gave to one field must not still fill another field through the defaults
		aliases.replaceAll((field, headers) -> own.containsKey(field) ? headers
				: headers.stream().filter(h -> !claimedByUser.containsKey(HeaderKey.of(h))).toList());
		return new ColumnMapping(index(aliases, file.toString()), Defaults.FALLBACK_BY_HEADER, own);
	}

	/** Every header name this mapping knows, in {@link HeaderKey} form, with the field it fills. */
	Map<String, PinField> fieldsByHeaderKey() {
		return fieldByHeader;
	}

	/**
	 * Whether a row of cells is a header row: it names at least two fields (one known name may be a title's word),
	 * and is not a row of labels each followed by its value ("Account: | acme-home | Board: | Kitchen Ideas"), as a
	 * sheet's notes above its header are written.
	 */
	public boolean namesColumns(List<String> cells) {
		return cells.stream()
			.map(this::fieldOf)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.count() >= 2 && !labelsWithValues(cells);
	}

	/** Every known name in the row ends with ':' and has a value of no known name in the next cell. */
	private boolean labelsWithValues(List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (fieldOf(cells.get(i)) == null) {
				continue;
			}
			String next = i + 1 < cells.size() ? cells.get(i + 1) : "";
			if (!cells.get(i).strip().endsWith(":") || next.isBlank() || fieldOf(next) != null) {
				return false;
			}
		}
		return true;
	}

	/** Whether the header's cells hold a web address: a pin's link, its image or video, a video's cover. */
	public boolean holdsWebAddress(String header) {
		PinField field = fieldOf(header);
		return field != null && BoundColumns.URL_FIELDS.contains(field);
	}

	/** Whether the header, whole, is one this mapping knows (not only its name before a note). */
	boolean knows(String header) {
		return fieldByHeader.containsKey(HeaderKey.of(header));
	}

	/** The field a header may fill: by its name, its name before a note, or a name of the fallback list. */
	private PinField fieldOf(String header) {
		PinField field = namedField(header);
		return field == null ? fallbackField(header) : field;
	}

	/** The field a header fills by its name, or by its name before a note ({@link #withoutNote}). */
	private PinField namedField(String header) {
		return byName(fieldByHeader, header);
	}

	/** The field a header may fill by a name of the fallback list, before a note or not ("Bild-URL (https)"). */
	PinField fallbackField(String header) {
		return byName(fallbackByHeader, header);
	}

	private static PinField byName(Map<String, PinField> fieldByName, String header) {
		PinField field = fieldByName.get(HeaderKey.of(header));
		String name = field == null ? withoutNote(header) : null;
		return name == null ? field : fieldByName.get(HeaderKey.of(name));
	}

	/** "Title" of "Title (max 100 characters)" or "Time [CET]"; null for a header without such a note. */
	static String withoutNote(String header) {
		Matcher note = NOTED_HEADER.matcher(header);
		return note.matches() ? note.group(1) : null;
	}

	/** "CET" of "Time [CET]"; null for a header without a note. */
	static String noteOf(String header) {
		Matcher note = NOTED_HEADER.matcher(header);
		return note.matches() ? note.group(2) : null;
	}

	/**
	 * Binds this mapping to one file's headers.
	 *
	 * @throws MappingException if no header matches a field, or two headers match the same field
	 */
	public BoundColumns bind(List<String> headers) {
		Map<PinField, Integer> columnByField = new EnumMap<>(PinField.class);
		for (int i = 0; i < headers.size(); i++) {
			PinField field = fieldByHeader.get(HeaderKey.of(headers.get(i)));
			if (field == null) {
				continue;
			}
			Integer earlier = columnByField.putIfAbsent(field, i);
			if (earlier != null && field == PinField.PUBLISH_AT && BoundColumns.dateReadBefore(headers.get(i))
					!= BoundColumns.dateReadBefore(headers.get(earlier))) {
				// "Date" beside "Publish date": the sheet worked before "Date" was read, with "Publish date"
				columnByField.put(field, BoundColumns.dateReadBefore(headers.get(i)) ? i : earlier);
			}
			else if (earlier != null) {
				throw new MappingException("columns " + ColumnLetters.of(earlier) + " ('" + headers.get(earlier).strip()
						+ "') and " + ColumnLetters.of(i) + " ('" + headers.get(i).strip() + "') both map to "
						+ field.column() + "; remove or rename one of them (or give --mapping=FILE)");
			}
		}
		bindIfAlone(headers, columnByField, header -> knows(header) ? null : namedField(header));
		Set<PinField> byFallback = bindIfAlone(headers, columnByField,
				header -> namedField(header) != null ? null : fallbackField(header));
		// a time column without a date column: "publish_time", read as the whole publish time before it could be a
		// time of day alone, still is; another ("Time") is no publish time, as before
		Integer timeAlone = columnByField.containsKey(PinField.PUBLISH_AT) ? null
				: columnByField.remove(PinField.PUBLISH_TIME);
		if (timeAlone != null && BoundColumns.dateReadBefore(headers.get(timeAlone))) {
			columnByField.put(PinField.PUBLISH_AT, timeAlone);
		}
		if (columnByField.isEmpty()) {
			List<String> guessed = MappingAdvice.guessedLines(headers, this);
			throw new MappingException("no known columns: found " + quoted(headers)
					+ "; expected e.g. title, media_url, board (or give --mapping=FILE), in a header row among the"
					+ " first " + RowSource.HEADER_SEARCH_ROWS + " rows that are not blank" + (guessed.isEmpty() ? ""
							: "; if these are them, map your headers with --mapping=FILE, e.g. save these lines as"
									+ " mapping.yml:"), guessed);
		}
		return new BoundColumns(headers, columnByField, byFallback);
	}

	/**
	 * A header that {@code fieldOf} names a field for fills it unless another column fills that field or another such
	 * header names it too (as "Image (old)" and "Image (new)"): then it stays unused, as it did before such names were
	 * read. So are read, in turn, a header whose name has a note after it ("Title (max 100 characters)", a template's
	 * hint; "Time (CET)"), then one with a name of the fallback list.
	 *
	 * @return the fields it filled
	 */
	private static Set<PinField> bindIfAlone(List<String> headers, Map<PinField, Integer> columnByField,
			Function<String, PinField> fieldOf) {
		Map<PinField, Integer> found = new EnumMap<>(PinField.class);
		Set<PinField> twice = EnumSet.noneOf(PinField.class);
		for (int i = 0; i < headers.size(); i++) {
			PinField field = fieldOf.apply(headers.get(i));
			if (field != null && !columnByField.containsKey(field) && found.putIfAbsent(field, i) != null) {
				twice.add(field);
			}
		}
		found.keySet().removeAll(twice);
		columnByField.putAll(found);
		return found.keySet();
	}

	private static Map<String, PinField> index(Map<PinField, List<String>> aliases, String source) {
		Map<String, PinField> fieldByHeader = new HashMap<>();
		aliases.forEach((field, headers) -> headers.forEach(header -> {
			PinField other = fieldByHeader.putIfAbsent(HeaderKey.of(header), field);
			if (other != null && other != field) {
				throw new MappingException(source + ": header '" + header + "' is listed under both '" + other.column()
						+ "' and '" + field.column() + "'; keep it under one field");
			}
		}));
		return fieldByHeader;
	}

	private static String quoted(List<String> headers) {
		if (headers.isEmpty()) {
			return "no headers";
		}
		return headers.stream().map(h -> "'" + h.strip() + "'").collect(Collectors.joining(", "));
	}

	/** Loaded once, on first use. */
	private static final class Defaults {

		static final Map<String, PinField> FALLBACK_BY_HEADER = index(load(FALLBACK_RESOURCE), FALLBACK_RESOURCE);

		static final Map<PinField, List<String>> ALIASES = defaultAliases();

		static final ColumnMapping MAPPING = new ColumnMapping(index(ALIASES, DEFAULT_RESOURCE), FALLBACK_BY_HEADER,
				Map.of());

		private static Map<PinField, List<String>> defaultAliases() {
			Map<PinField, List<String>> aliases = load(DEFAULT_RESOURCE);
			if (aliases.size() != PinField.values().length) {
				throw new IllegalStateException(DEFAULT_RESOURCE + " must name every field: "
						+ MappingFile.fieldNames());
			}
			Map<String, PinField> named = index(aliases, DEFAULT_RESOURCE);
			FALLBACK_BY_HEADER.keySet().stream().filter(named::containsKey).findFirst().ifPresent(name -> {
				throw new IllegalStateException(FALLBACK_RESOURCE + " lists '" + name + "', a name of "
						+ DEFAULT_RESOURCE);
			});
			return aliases;
		}

		private static Map<PinField, List<String>> load(String resource) {
			try (InputStream in = ColumnMapping.class.getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException(resource + " is missing from the classpath");
				}
				return Collections.unmodifiableMap(MappingFile.read(in, resource));
			}
			catch (IOException ex) {
				throw new IllegalStateException("cannot read " + resource, ex);
			}
		}
	}
}
