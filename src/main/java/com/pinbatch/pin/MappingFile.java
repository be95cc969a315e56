package com.pinbatch.pin;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;

/**
 * Reads a mapping file ({@code field: [header, ...]} per line) into header aliases per field. A mapping file is a
 * few lines; the loader is bounded so that a hostile one (a huge file, anchors repeated thousands of times, custom
 * tags) is refused at once instead of taking minutes or all memory.
 */
final class MappingFile {

	/** Far above any real mapping file (a few hundred bytes), far below what could slow the loader down. */
	static final int MAX_BYTES = 64 * 1024;

	private static final int MAX_NESTING = 10;

	private MappingFile() {
	}

	/**
	 * @param source the file name used in messages
	 * @return the aliases of each field the file names, in file order
	 */
	static Map<PinField, List<String>> read(InputStream in, String source) {
		String text;
		try {
			// read first, so that an unreadable file is not reported as bad YAML
			byte[] bytes = in.readNBytes(MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				throw new MappingException(source + ": the mapping file is larger than " + MAX_BYTES / 1024
						+ " KB; a mapping file lists a few header names per field");
			}
			text = new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MappingException(source + ": cannot read the mapping file: " + ex.getMessage(), ex);
		}
		Object document;
		try {
			Yaml yaml = new Yaml(new SafeConstructor(loaderOptions()));
			refuseAliases(yaml, text, source);
			document = yaml.load(text);
		}
		catch (MarkedYAMLException ex) {
			throw new MappingException(
					source + ": not valid YAML" + where(ex.getProblemMark()) + ": " + ex.getProblem());
		}
		catch (YAMLException ex) {
			throw new MappingException(source + ": not valid YAML: " + firstLine(ex.getMessage()));
		}
		if (document == null) {
			throw new MappingException(source + ": the mapping file is empty; list fields as 'title: [My title column]'");
		}
		if (!(document instanceof Map<?, ?> entries)) {
			throw new MappingException(
					source + ": expected one 'field: [header, ...]' entry per line, e.g. 'title: [Pin name]'");
		}
		Map<PinField, List<String>> aliases = new EnumMap<>(PinField.class);
		for (Map.Entry<?, ?> entry : entries.entrySet()) {
			PinField field = field(entry.getKey(), source);
			aliases.put(field, headers(field, entry.getValue(), source));
		}
		return aliases;
	}

	private static LoaderOptions loaderOptions() {
		LoaderOptions options = new LoaderOptions();
		options.setCodePointLimit(MAX_BYTES);
		options.setMaxAliasesForCollections(0);
		options.setNestingDepthLimit(MAX_NESTING);
		options.setAllowRecursiveKeys(false);
		options.setTagInspector(tag -> false);
		return options;
	}

	/**
	 * A mapping file has no use for anchors and aliases; each alias repeats its anchor's value, so a few hundred
	 * bytes can stand for gigabytes. Found in the event stream, before anything is built.
	 */
	private static void refuseAliases(Yaml yaml, String text, String source) {
		for (Event event : yaml.parse(new StringReader(text))) {
			if (event instanceof AliasEvent alias) {
				throw new MappingException(source + ": an alias (*name)" + where(alias.getStartMark())
						+ " is not allowed in a mapping file; write each header name out");
			}
		}
	}

	private static PinField field(Object key, String source) {
		String name = String.valueOf(key);
		String wanted = HeaderKey.of(name);
		for (PinField field : PinField.values()) {
			if (HeaderKey.of(field.column()).equals(wanted)) {
				return field;
			}
		}
		throw new MappingException(source + ": unknown field '" + name + "'; fields are: " + fieldNames());
	}

	// a single header may be written without brackets; anything else must be a list of header names
	private static List<String> headers(PinField field, Object value, String source) {
		List<?> items = value instanceof List<?> list ? list : Arrays.asList(value);
		List<String> headers = new ArrayList<>();
		for (Object item : items) {
			if (!(item instanceof String) && !(item instanceof Number)) {
				throw new MappingException(source + ": field '" + field.column()
						+ "' must be a list of header names, e.g. " + field.column() + ": [My column, Other column]");
			}
			headers.add(item.toString());
		}
		return headers;
	}

	static String fieldNames() {
		return Arrays.stream(PinField.values()).map(PinField::column).collect(Collectors.joining(", "));
	}

	private static String where(Mark mark) {
		return mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
	}

	private static String firstLine(String text) {
		return text == null ? "" : text.lines().findFirst().orElse("");
	}
}
