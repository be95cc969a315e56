package com.pinbatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pinbatch.pin.MediaFolder;
import com.pinbatch.plan.CapAdvice;

/** The uploads a console keeps under its data folder, as a console started again over the same folder finds them. */
class UploadsTests {

	@TempDir
	Path dataFolder;

	@Test
	void anUploadIsFoundWithItsChoicesByTheConsoleStartedAgainAndOnlyForItsOwner() throws IOException {
		Upload choices = new Upload(null, "maria", null, null, null, "Pins", "acme-home", "Kitchen Ideas",
				ZoneId.of("Europe/Berlin"), "dd.MM.yyyy", "windows-1252", "title: Titel\n", true, false);
		Upload stored = new Uploads(dataFolder).store(new ByteArrayInputStream("title\nA\n".getBytes(
				StandardCharsets.UTF_8)), "../März pins.csv", choices);

		Uploads afterRestart = new Uploads(dataFolder);

		assertThat(afterRestart.find(stored.id(), "maria")).contains(stored);
		assertThat(afterRestart.find(stored.id(), "tom")).isEmpty();
		assertThat(afterRestart.ofFile(stored.file(), "maria")).contains(stored);
		assertThat(afterRestart.find("0123456789abcdef01234567", "maria")).isEmpty();
	}

	@Test
	void onlyAnUploadsOwnFolderIsEverReadBack() throws IOException {
		Path outside = Files.createDirectories(dataFolder.resolve("console/elsewhere"));
		Files.writeString(outside.resolve(".upload.json"), "{\"owner\":\"maria\",\"file\":\"x.csv\",\"name\":\"x.csv\","
				+ "\"uploaded\":\"2026-12-04T10:00:00Z\",\"spread\":false,\"retry\":false}");
		Uploads uploads = new Uploads(dataFolder);

		assertThat(uploads.find("../elsewhere", "maria")).isEmpty();
		assertThat(uploads.find("elsewhere", "maria")).isEmpty();
		assertThat(uploads.ofFile(outside.resolve("x.csv"), "maria")).isEmpty();
	}

	@Test
	void anUploadsNameIsKeptAsAFileNameTheSystemCanOpen() {
		assertThat(Uploads.safeName("../März pins.csv")).isEqualTo("März_pins.csv");
		assertThat(Uploads.safeName("..\\.hidden.csv")).isEqualTo("hidden.csv");
		assertThat(Uploads.safeName(".csv")).isEqualTo("upload.csv");

		// a console started without a UTF-8 language setting (a service's default) opens only ASCII names
		Predicate<String> ascii = name -> StandardCharsets.US_ASCII.newEncoder().canEncode(name);
		assertThat(Uploads.safeName("Café crème.csv", ascii)).isEqualTo("Cafe_creme.csv");
		assertThat(Uploads.safeName("写真.xlsx", ascii)).isEqualTo("upload.xlsx");
		assertThat(Uploads.safeName("März.csv", ascii)).isEqualTo("Marz.csv");
	}

	/**
	 * A browser sends a quote in a file's name as %22 (HTML's form encoding): before, {@code Spring "Sale".csv} was
	 * shown as {@code Spring_22Sale_22.csv}, the name it is stored under.
	 */
	@Test
	void anUploadIsShownUnderItsOwnNameAndItsMessagesNameItSo() throws IOException {
		Upload upload = new Uploads(dataFolder).store(new ByteArrayInputStream("title\nA\n".getBytes(
				StandardCharsets.UTF_8)), "C:\\Users\\maria\\Spring %22Sale%22.csv", new Upload(null, "maria", null,
						null, null, null, null, null, ZoneId.of("UTC"), null, null, null, false, false));

		assertThat(upload.name()).isEqualTo("Spring \"Sale\".csv");
		assertThat(upload.file().getFileName()).hasToString("Spring_22Sale_22.csv");
		assertThat(upload.shown(upload.file() + " row 3: title is empty")).isEqualTo("Spring \"Sale\".csv row 3: title"
				+ " is empty");
		assertThat(Uploads.shownName("two%0Alines\u001b[2J.csv", "two_lines.csv")).isEqualTo("two lines[2J.csv");
		assertThat(Uploads.shownName("%0A", "upload.csv")).isEqualTo("upload.csv");
		// the history, which everyone sees, names it so too, also once the console was started again
		assertThat(new Uploads(dataFolder).shownName(upload.file())).contains("Spring \"Sale\".csv");
		assertThat(new Uploads(dataFolder).shownName(dataFolder.resolve("elsewhere.csv"))).isEmpty();
	}

	@Test
	void theCommandLinesWayToResumeIsToldAsTheConsolesOwn() throws IOException {
		Upload upload = new Uploads(dataFolder).store(new ByteArrayInputStream("title\nA\n".getBytes(
				StandardCharsets.UTF_8)), "pins.csv", new Upload(null, "maria", null, null, null, null, null, null,
						ZoneId.of("UTC"), null, null, null, false, false));

		assertThat(upload.shown("Zernio is not answering (8 failures in a row); nothing more is sent; run the same"
				+ " command later to resume")).isEqualTo("Zernio is not answering (8 failures in a row); nothing more"
						+ " is sent; send the file again later from its upload page to go on where it stopped");
		assertThat(upload.shown("stopped on request; rows not reached are PENDING: run the same command again to"
				+ " resume")).isEqualTo("stopped on request; rows not reached are PENDING: send the file again from its"
						+ " upload page to go on where it stopped");
		assertThat(upload.shown("Zernio rejected the key; check the key, then run the same command to resume"))
			.endsWith("then send the file again from its upload page to go on where it stopped");
	}

	@Test
	void aRowsMessageNamesTheUploadsFolderNotTheServersPath() throws IOException {
		Upload upload = new Uploads(dataFolder).store(new ByteArrayInputStream("title\nA\n".getBytes(
				StandardCharsets.UTF_8)), "pins.csv", new Upload(null, "maria", null, null, null, null, null, null,
						ZoneId.of("UTC"), null, null, null, false, false));
		ReviewRow row = new ReviewRow(2, "INVALID", "Pin", "Board", "acme-home", "", "", null, "", "media_not_found",
				"media_url 'img/a.png' is not a file in " + upload.folder() + " (the input file's folder)", "media_url",
				"img/a.png", "img/a.png", null);

		assertThat(row.shownFor(upload).errorMessage())
			.isEqualTo("media_url 'img/a.png' is not a file in the upload's folder (the input file's folder)")
			.doesNotContain(dataFolder.toString());
		// the command line's advice for a local file is, here, an https URL (before: "put it there", which an
		// upload cannot)
		assertThat(upload.shown("media_url 'img/a.png' " + MediaFolder.notInside(upload.folder())))
			.isEqualTo("media_url 'img/a.png' is not a file in the upload's folder — an upload is the spreadsheet"
					+ " alone, without the files beside it: give the media's https URL");
	}

	@Test
	void aRowsAdviceToRunAgainWithRetryFailedNamesTheConsolesWayToDoIt() throws IOException {
		Upload upload = new Uploads(dataFolder).store(new ByteArrayInputStream("title\nA\n".getBytes(
				StandardCharsets.UTF_8)), "pins.csv", new Upload(null, "maria", null, null, null, null, null, null,
						ZoneId.of("UTC"), null, null, null, false, false));

		assertThat(upload.shown("Zernio rejected the pin (HTTP 422): bad; fix the row and run again with"
				+ " --retry-failed=<this result file>"))
			.isEqualTo("Zernio rejected the pin (HTTP 422): bad; fix the row and upload the result file again with"
					+ " 'This is a corrected result file' ticked");
		assertThat(upload.shown("give the row a board; then run again later with --retry-failed=<this result file>,"
				+ " which checks again"))
			.isEqualTo("give the row a board; then upload the result file again later with 'This is a corrected"
					+ " result file' ticked, which checks again");
	}

	/** Before: an account's cap told a console user to run a command with options the console does not have. */
	@Test
	void anAccountsCapAdviceNamesTheConsolesWaysToWaitOrSpread() throws IOException {
		Upload upload = new Uploads(dataFolder).store(new ByteArrayInputStream("title\nA\n".getBytes(
				StandardCharsets.UTF_8)), "pins.csv", new Upload(null, "maria", null, null, null, null, null, null,
						ZoneId.of("UTC"), null, null, null, false, false));

		assertThat(upload.shown(CapAdvice.immediate("acme-home", "would reach its 25 pins per day cap with this row",
				Instant.parse("2026-12-09T07:59:30Z"))))
			.isEqualTo("account acme-home would reach its 25 pins per day cap with this row; it frees up at"
					+ " Wed 9 Dec 2026, 08:00 UTC: upload the result file again after that with 'This is a corrected result"
					+ " file' ticked, or press Spread publish times on the review page to let"
					+ " pinbatch schedule the account's pins in free slots");
		assertThat(upload.shown(CapAdvice.scheduled("acme-home", "has no free slot"))).isEqualTo("account acme-home"
				+ " has no free slot; give the row another publish time, or press Spread publish times on the review"
				+ " page to let pinbatch schedule it in a free slot");
		assertThat(upload.shown("the post failed to publish; run again in an hour or so with"
				+ " --retry-failed=<this result file>, which retries the same post")).isEqualTo("the post failed to"
						+ " publish; upload the result file again in an hour or so with 'This is a corrected result"
						+ " file' ticked, which retries the same post");
	}
}
