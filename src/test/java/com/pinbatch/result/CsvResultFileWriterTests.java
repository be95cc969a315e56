package com.pinbatch.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pinbatch.input.InputRow;
import com.pinbatch.text.SafeText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvResultFileWriterTests {

	private static final List<String> HEADERS = List.of("title", "board");

	@TempDir
	Path dir;

	@Test
	void writesUtf8WithBomCommasAndCrlf() throws IOException {
		Path file = dir.resolve("out/nested/results.csv");

		try (CsvResultFileWriter writer = new CsvResultFileWriter(file)) {
			writer.writeHeader(HEADERS);
			writer.writeRow(row(2, "Café ☕", "Recipes"), new RowResult(2, RowStatus.PUBLISHED, "p_1",
					"https://www.pinterest.com/pin/1/", null, null, 1, "req-2", Instant.parse("2030-01-02T03:04:05Z")));
			writer.writeRow(row(3, "Second", "Travel"), RowResult.pending(3));
		}

		byte[] bytes = Files.readAllBytes(file);
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).isEqualTo(
				"title,board,row,status,post_id,pin_url,publish_at_utc,error_code,error_message,attempts,request_id,finished_at\r\n"
						+ "Café ☕,Recipes,2,PUBLISHED,p_1,https://www.pinterest.com/pin/1/,,,,1,req-2,2030-01-02T03:04:05Z\r\n"
						+ "Second,Travel,3,PENDING,,,,,,0,,\r\n");
	}

	@Test
	void aRowsFinishTimeIsWrittenToTheMillisecondWhereverTheRowWasDecided() throws IOException {
		// a dry run's rows are written as decided (the clock's nanoseconds); a sent row's come from the job
		// repository, which keeps milliseconds: one file, one form
		Path file = dir.resolve("results.csv");

		try (CsvResultFileWriter writer = new CsvResultFileWriter(file)) {
			writer.writeHeader(HEADERS);
			writer.writeRow(row(2, "Checked", "Recipes"), new RowResult(2, RowStatus.VALID, null, null, null, 0,
					null, Instant.parse("2026-12-04T16:45:38.346104667Z")));
		}

		assertThat(body(file)).endsWith(",2026-12-04T16:45:38.346Z\r\n");
	}

	@Test
	void quotesOnlyCellsThatNeedIt() throws IOException {
		Path file = dir.resolve("results.csv");

		try (CsvResultFileWriter writer = new CsvResultFileWriter(file)) {
			writer.writeHeader(List.of("title", "description", "link"));
			writer.writeRow(new InputRow(2, List.of(), List.of("a, b", "say \"hi\"\nnext line", "plain")),
					new RowResult(2, RowStatus.INVALID, null, "title_too_long",
							"Title has 120 characters, at most 100 are allowed; shorten it", 0, null,
							Instant.parse("2030-01-02T03:04:05.123Z")));
		}

		assertThat(body(file)).endsWith("\r\n\"a, b\",\"say \"\"hi\"\"\nnext line\",plain,2,INVALID,,,,title_too_long,"
				+ "\"Title has 120 characters, at most 100 are allowed; shorten it\",0,,2030-01-02T03:04:05.123Z\r\n");
	}

	@Test
	void escapesCellsThatWouldRunAsFormulas() throws IOException {
		Path file = dir.resolve("results.csv");

		try (CsvResultFileWriter writer = new CsvResultFileWriter(file)) {
			writer.writeHeader(List.of("=a", "+b", "-c", "@d", "\te", "\rf"));
			writer.writeRow(new InputRow(2, List.of(), List.of("=1+2", "+3", "-4", "@SUM(A1)", "\tx", "\ry")),
					new RowResult(2, RowStatus.FAILED, "=post", "-code", "@message", 2, "+req", null));
		}

		// a lone carriage return (which would overwrite a terminal line) is written as a line break
		assertThat(body(file)).isEqualTo("'=a,'+b,'-c,'@d,'\te,\"'\nf\","
				+ "row,status,post_id,pin_url,publish_at_utc,error_code,error_message,attempts,request_id,finished_at\r\n"
				+ "'=1+2,'+3,'-4,'@SUM(A1),'\tx,\"'\ny\",2,FAILED,'=post,,,'-code,'@message,2,'+req,\r\n");
	}

	@Test
	void cellsRepeatedRowAfterRowAreWrittenAlikeAndAKeyRegisteredMeanwhileIsHiddenInThemToo() throws IOException {
		// the writer keeps what it made of a cell repeated from the row above; a key registered after that (a
		// session started while the file is written) must still be hidden in the next row
		Path file = dir.resolve("results.csv");
		String key = "sk_live_repeated_cell_0123456789";
		RowResult failed = new RowResult(2, RowStatus.FAILED, null, "unauthorized", "Zernio refused key " + key
				+ ", \"=its answer\"", 1, null, null);

		try (CsvResultFileWriter writer = new CsvResultFileWriter(file)) {
			writer.writeHeader(List.of("title", "board"));
			for (int row = 2; row <= 4; row++) {
				if (row == 4) {
					SafeText.hide(key);
				}
				writer.writeRow(new InputRow(row, List.of(), List.of("=same", "Kitchen, Ideas")), failed);
			}
		}

		String repeated = "'=same,\"Kitchen, Ideas\",2,FAILED,,,,unauthorized,";
		assertThat(body(file).split("\r\n")).containsExactly(
				"title,board,row,status,post_id,pin_url,publish_at_utc,error_code,error_message,attempts,request_id,"
						+ "finished_at",
				repeated + "\"Zernio refused key " + key + ", \"\"=its answer\"\"\",1,,",
				repeated + "\"Zernio refused key " + key + ", \"\"=its answer\"\"\",1,,",
				repeated + "\"Zernio refused key (hidden), \"\"=its answer\"\"\",1,,");
	}

	@Test
	void padsShortRowsToTheHeader() throws IOException {
		Path file = dir.resolve("results.csv");

		try (CsvResultFileWriter writer = new CsvResultFileWriter(file)) {
			writer.writeHeader(List.of("title", "board", "link"));
			writer.writeRow(new InputRow(5, List.of(), List.of("only")), RowResult.pending(5));
		}

		assertThat(body(file)).endsWith("\r\nonly,,,5,PENDING,,,,,,0,,\r\n");
	}

	@Test
	void namesTheFileWhenItCannotBeCreated() throws IOException {
		Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
		Path file = blocker.resolve("results.csv");

		assertThatThrownBy(() -> new CsvResultFileWriter(file)).isInstanceOf(UncheckedIOException.class)
			.hasMessageContaining(file.toString());
	}

	private static InputRow row(long number, String... values) {
		return new InputRow(number, HEADERS, List.of(values));
	}

	private static String body(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
	}
}
