package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.pinbatch.media.RealMedia;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Inputs an attacker (or an accident) hands to the command line: each is refused at once with exit 2 and one line,
 * before anything is sent.
 */
class HostileInputCommandLineTests extends SandboxedCommandLine {

	private static final String SECRET = "sk_live_4f9a8b7c6d5e4f3a2b1c";

	@Test
	// without the fix, opening the pipe blocks for ever (and not interruptibly: hence a thread of its own)
	@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void aPipeAsInputIsRefusedAtOnceBeforeTheDataFolderIsLocked() throws Exception {
		Path fifo = dir.resolve("pins.csv");
		assumeTrue(mkfifo(fifo), "mkfifo is not available here");

		CommandLineRun run = run("--input=" + fifo);

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
		assertThat(run.err()).startsWith("pinbatch: --input=").contains("not a regular file");
		assertThat(dir.resolve("data").resolve("pinbatch.lock")).doesNotExist();
		assertThat(creates()).isEmpty();
	}

	@Test
	void aMappingFileOfThousandsOfAliasesIsRefusedAtOnce() throws IOException {
		StringBuilder bomb = new StringBuilder("big: &big \"").append("x".repeat(30_000)).append("\"\ntitle: [");
		for (int i = 0; i < 5_000; i++) {
			bomb.append(i == 0 ? "" : ",").append("*big");
		}
		Path mapping = Files.writeString(dir.resolve("mapping.yml"), bomb.append("]\n"));
		Path input = Files.writeString(dir.resolve("pins.csv"), "title,media_url,board,account\n"
				+ "Shelf,https://images.example.com/a.jpg,Kitchen Ideas,acme-home\n");

		CommandLineRun run = run("--input=" + input, "--mapping=" + mapping);

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
		assertThat(run.err()).startsWith("pinbatch: " + mapping + ": an alias");
		assertThat(creates()).isEmpty();
	}

	@Test
	void aWorkbookWithMoreSharedStringsThanAllowedStopsWithOneLine() throws IOException {
		Path input = dir.resolve("pins.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(input)) {
			Sheet sheet = book.createSheet("Pins");
			for (int row = 0; row < 11; row++) {
				List<String> cells = row == 0 ? List.of("title", "media_url", "board", "account")
						: List.of("Pin " + row, "https://images.example.com/" + row + ".jpg", "Kitchen Ideas",
								"acme-home");
				Row sheetRow = sheet.createRow(row);
				for (int column = 0; column < cells.size(); column++) {
					sheetRow.createCell(column).setCellValue(cells.get(column));
				}
			}
			book.write(out);
		}

		CommandLineRun run = run("--input=" + input, "--pinbatch.xlsx.max-shared-strings=10");

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
		assertThat(run.err()).startsWith("pinbatch: " + input + ": the workbook's shared-strings table holds more"
				+ " than 10 strings");
		assertThat(creates()).isEmpty();
	}

	@Test
	void theApiKeyIsRefusedOnTheCommandLineAndNeverEchoed() throws IOException {
		Path input = onePin();
		Path summary = dir.resolve("summary.json");
		for (String option : List.of("--zernio.api-key", "--zernio.apiKey", "--zernio.api_key")) {
			CommandLineRun run = run("--input=" + input, option + "=" + SECRET, "--summary=" + summary);

			assertThat(run.exitCode()).as(option + ": " + run).isEqualTo(2);
			assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
			assertThat(run.err()).contains("not taken on the command line").contains("ZERNIO_API_KEY");
			assertThat(run.out() + run.err() + Files.readString(summary)).doesNotContain(SECRET);
		}
		assertThat(sandbox.requests()).isEmpty();
	}

	@Test
	void aKeyWithALineBreakIsRefusedWithoutPrintingIt() throws IOException {
		System.setProperty("zernio.api-key", SECRET + "\nX-Injected: yes");
		Path summary = dir.resolve("summary.json");

		CommandLineRun run = run("--input=" + onePin(), "--summary=" + summary);

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
		assertThat(run.err()).contains("the API key in zernio.api-key (configuration) holds a line break");
		assertThat(run.out() + run.err() + Files.readString(summary)).doesNotContain(SECRET);
		assertThat(sandbox.requests()).isEmpty();
	}

	@Test
	void localMediaOutsideTheInputFolderIsNotUploadedAndReadsLikeAMissingFile() throws IOException {
		Path inputs = Files.createDirectories(dir.resolve("in"));
		Path secret = Files.createDirectories(dir.resolve("secret"));
		byte[] png = RealMedia.png("private");
		Path photo = Files.write(secret.resolve("private_photo.png"), png);
		Files.write(inputs.resolve("ok.png"), png);
		Files.createSymbolicLink(inputs.resolve("link.png"), photo);
		// a second name of the file outside, made in the input's folder: no path shows where it is kept
		Files.createLink(inputs.resolve("hard.png"), photo);
		Path input = Files.writeString(inputs.resolve("pins.csv"), "title,media_url,board,account\n"
				+ "Relative,../secret/private_photo.png,Kitchen Ideas,acme-home\n"
				+ "Absolute," + photo.toAbsolutePath() + ",Kitchen Ideas,acme-home\n"
				+ "Link,link.png,Kitchen Ideas,acme-home\n"
				+ "Missing,../secret/no_such_photo.png,Kitchen Ideas,acme-home\n"
				+ "Hard link,hard.png,Kitchen Ideas,acme-home\n"
				+ "Inside,ok.png,Kitchen Ideas,acme-home\n");

		CommandLineRun run = run("--input=" + input);

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		List<Map<String, String>> results = ResultRows.read(inputs.resolve("pins.results.csv"));
		assertThat(results.subList(0, 5)).allSatisfy(row -> {
			assertThat(row.get("status")).isEqualTo("INVALID");
			assertThat(row.get("error_code")).isEqualTo("media_file_not_found");
		});
		// the same words whether the file outside exists or not: nothing to learn about the disk
		String existing = results.get(0).get("error_message").replace("../secret/private_photo.png", "PATH");
		String missing = results.get(3).get("error_message").replace("../secret/no_such_photo.png", "PATH");
		assertThat(existing).isEqualTo(missing).contains("--media-root");
		assertThat(results.get(5).get("status")).isNotEqualTo("INVALID");
		assertThat(sandbox.uploads()).hasSize(1);

		// --media-root widens the folder: the absolute path (row 2) is inside it now, once it has no second name
		Files.delete(inputs.resolve("hard.png"));
		Path again = Files.copy(input, inputs.resolve("again.csv"));
		CommandLineRun widened = run("--input=" + again, "--media-root=" + dir);
		assertThat(widened.exitCode()).as(widened.toString()).isIn(0, 3);
		assertThat(ResultRows.read(inputs.resolve("again.results.csv")).get(1).get("error_code"))
			.isNotEqualTo("media_file_not_found");
	}

	@Test
	void aSummaryOrReportNamingTheInputOrItsResultFileIsRefusedAndWritesOverNothing() throws IOException {
		// given: a run's input and result file
		Path input = shelfPins(3);
		CommandLineRun first = run("--input=" + input);
		Path results = dir.resolve("pins.results.csv");
		String inputBefore = Files.readString(input);
		String resultsBefore = Files.readString(results);
		int createsBefore = creates().size();

		// when: --summary or --report mistyped onto one of them (also with a mistyped option: refused before checks)
		List<CommandLineRun> runs = List.of(run("--input=" + input, "--summary=" + input),
				run("--input=" + input, "--report=" + input), run("--input=" + input, "--report=" + results),
				run("--input=" + input, "--summary=" + input, "--dryrun"));

		// then: refused in one line, each file as it was (before: the input deleted and replaced by the summary, or by
		// the report with exit 0)
		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(runs).allSatisfy(run -> assertThat(run.exitCode()).as(run.toString()).isEqualTo(2));
		assertThat(runs.subList(0, 3)).allSatisfy(run -> assertThat(run.err().strip()).startsWith("pinbatch: ")
			.doesNotContain("\n"));
		assertThat(runs.get(3).err()).startsWith("pinbatch: unknown option --dryrun")
			.contains("cannot write the summary file " + input + " (a file pinbatch did not write is there)");
		assertThat(runs.get(0).err()).contains("the summary file " + input + " is a file pinbatch did not write");
		assertThat(runs.get(2).err()).contains("the report " + results + " is a file pinbatch did not write");
		assertThat(Files.readString(input)).isEqualTo(inputBefore);
		assertThat(Files.readString(results)).isEqualTo(resultsBefore);
		assertThat(creates()).hasSize(createsBefore);
	}

	@Test
	void aReportNamingAFolderIsRefusedBeforeAnythingIsSentAndItsOwnFilesAreWrittenAgain() throws IOException {
		// given
		Path input = shelfPins(2);
		Path folder = Files.createDirectories(dir.resolve("reports"));
		Path report = dir.resolve("nightly.html");
		Path summary = dir.resolve("nightly.json");

		// when
		Files.writeString(summary, "{ \"exitCode\" : 0 }"); // last night's
		CommandLineRun intoAFolder = run("--input=" + input, "--report=" + folder, "--summary=" + summary);
		String summaryOfTheRefusal = Files.readString(summary);
		CommandLineRun first = run("--input=" + input, "--report=" + report, "--summary=" + summary);
		CommandLineRun again = run("--input=" + input, "--report=" + report, "--summary=" + summary);

		// then: (before: an empty folder replaced by the page, exit 0, every pin sent)
		assertThat(intoAFolder.exitCode()).as(intoAFolder.toString()).isEqualTo(2);
		assertThat(intoAFolder.err()).contains("the report " + folder + " is a folder; choose another --report");
		assertThat(folder).isDirectory();
		assertThat(summaryOfTheRefusal).as("last night's summary not left in place").contains("\"exitCode\" : 2");
		// and a command's own summary and report are written over each night
		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.out()).contains("pinbatch: report: ").contains("summary: ");
		assertThat(creates()).hasSize(2);
	}

	@Test
	void aResultFileThatCannotBeWrittenIsOneLineAndKeepsTheGoodFile() throws IOException {
		// given: a run that ended well, then its result file cannot be written again: a folder stands where the file
		// is written first (a full disk was played by a link there to /dev/full, but the file is no longer written
		// through a link: someone could plant one to make a run write over another file)
		Path input = onePin();
		Path results = dir.resolve("pins.results.csv");
		CommandLineRun first = run("--input=" + input);
		assertThat(first.exitCode()).as(first.toString()).isZero();
		String good = Files.readString(results);
		Path inTheWay = Files.createDirectories(dir.resolve(".pins.results.csv.partial.csv").resolve("in-the-way"));
		Path summary = dir.resolve("summary.json");

		// when
		CommandLineRun again = run("--input=" + input, "--summary=" + summary);

		// then: one line naming the file and the cause, exit 1 (the same command writes it once it can), and the
		// earlier result file untouched
		assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
		assertThat(again.err().strip().lines()).as(again.toString()).singleElement().asString()
			.startsWith("pinbatch: ").contains("result file " + results.toAbsolutePath() + " cannot be written")
			.contains("run the same command again");
		assertThat(Files.readString(results)).isEqualTo(good);
		assertThat(Files.readString(summary)).contains("cannot be written");

		// and once it can, the same command writes it, sending nothing again
		Files.delete(inTheWay);
		CommandLineRun roomAgain = run("--input=" + input);
		assertThat(roomAgain.exitCode()).as(roomAgain.toString()).isZero();
		assertThat(Files.readString(results)).isEqualTo(good);
		assertThat(sandbox.postCount()).isEqualTo(1);
	}

	private Path onePin() throws IOException {
		return Files.writeString(dir.resolve("pins.csv"), "title,media_url,board,account\n"
				+ "Shelf,https://images.example.com/a.jpg,Kitchen Ideas,acme-home\n");
	}

	private static boolean mkfifo(Path path) throws InterruptedException {
		try {
			Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
			return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 && Files.exists(path);
		}
		catch (IOException ex) {
			return false;
		}
	}
}
