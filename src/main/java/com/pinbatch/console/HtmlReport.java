package com.pinbatch.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.result.FreshFile;
import com.pinbatch.result.RowStatus;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * {@code --report=FILE.html}: the console's result table as one self-contained HTML file (its styles inline, no
 * script; nothing fetched but the thumbnails of https media, without a referrer), e.g. to attach to the nightly
 * e-mail. Every cell is written as escaped text, as on the console's pages.
 */
public final class HtmlReport {

	private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** One input of the run: its name and its result file. */
	public record Input(String name, Path resultFile) {
	}

	/** An input as the report shows it. */
	record Shown(String name, Path resultFile, Map<RowStatus, Long> counts, List<ReviewRow> rows) {
	}

	private HtmlReport() {
	}

	/**
	 * @param mapping the column mapping the inputs were read with (their result files keep their headers)
	 * @param lines what the run said about reading the files and its plan
	 * @throws UncheckedIOException when the file cannot be written
	 */
	public static void write(Path html, List<Input> inputs, ColumnMapping mapping, ZoneId zone, List<String> lines) {
		List<Shown> shown = inputs.stream()
			.filter(input -> input.resultFile() != null && Files.isRegularFile(input.resultFile()))
			.map(input -> {
				List<ReviewRow> rows = ResultTable.read(input.resultFile(), mapping, zone).stream()
					.map(row -> row.withThumbnail(null, null))
					.toList();
				return new Shown(input.name(), input.resultFile(), ShownRows.countsOf(rows), rows);
			})
			.toList();
		Context context = new Context();
		context.setVariable("title", inputs.stream().map(Input::name).collect(Collectors.joining(", ")));
		context.setVariable("written", WRITTEN.format(Instant.now().atZone(zone)) + " " + zone.getId());
		context.setVariable("lines", lines);
		context.setVariable("inputs", shown);
		context.setVariable("css", css());
		try {
			// whole or not at all, and a link planted at the report's name is replaced, not followed
			FreshFile.replace(html, engine().process("report", context).getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the report " + html + ": " + ex.getMessage(), ex);
		}
	}

	private static TemplateEngine engine() {
		ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver(HtmlReport.class.getClassLoader());
		templates.setPrefix("templates/");
		templates.setSuffix(".html");
		templates.setTemplateMode(TemplateMode.HTML);
		templates.setCharacterEncoding("UTF-8");
		TemplateEngine engine = new SpringTemplateEngine(); // the pages' own expression language (SpEL)
		engine.setTemplateResolver(templates);
		return engine;
	}

	/** The console's own style sheet, inlined: the file must open anywhere, offline. */
	private static String css() {
		try (InputStream in = HtmlReport.class.getResourceAsStream("/static/console/console.css")) {
			return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}
}
