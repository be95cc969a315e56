package com.pinbatch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a folder given as --input stands for. */
class InputFilesTests {

	@TempDir
	Path inbox;

	@Test
	void aFolderStandsForItsSpreadsheetsNotItsResultFilesOrLockFiles() throws IOException {
		Files.writeString(inbox.resolve("b.xlsx"), "");
		Files.writeString(inbox.resolve("a.csv"), "");
		Files.writeString(inbox.resolve("a.results.csv"), "");
		Files.writeString(inbox.resolve("~$b.xlsx"), "");
		Files.writeString(inbox.resolve("notes.txt"), "");

		List<String> notes = new ArrayList<>();

		assertThat(InputFiles.expand(List.of(inbox), true, notes::add))
			.extracting(file -> file.getFileName().toString())
			.containsExactly("a.csv", "b.xlsx");
		assertThat(notes).containsExactly("the folder " + inbox + " holds files pinbatch does not read: notes.txt (a"
				+ " text export: if it holds pins, name it .tsv (tab-separated) or .csv)");
	}

	@Test
	void spreadsheetsAFolderHoldsThatAreNotReadAreToldWithWhatToDo() throws IOException {
		// a colleague's file a nightly run of the folder would skip (before: without a word)
		Files.writeString(inbox.resolve("pins.csv"), "");
		Files.writeString(inbox.resolve("old.xls"), "");
		Files.writeString(inbox.resolve("budget.ods"), "");
		List<String> notes = new ArrayList<>();

		InputFiles.expand(List.of(inbox), true, notes::add);

		assertThat(notes).singleElement().asString().contains("holds files pinbatch does not read: budget.ods (an"
				+ " OpenDocument sheet: save it as .xlsx or CSV UTF-8), old.xls (an Excel 97-2003 workbook: save it as"
				+ " .xlsx or CSV UTF-8)");
	}

	@Test
	void aGoogleSheetsShortcutInASyncedFolderIsToldWithHowToDownloadTheSheet() throws IOException {
		// Google Drive for desktop keeps a Google Sheet in a synced folder as a .gsheet link: before, skipped unsaid
		Files.writeString(inbox.resolve("pins.csv"), "");
		Files.writeString(inbox.resolve("March plan.gsheet"), "{\"doc_id\":\"1x\"}");
		List<String> notes = new ArrayList<>();

		InputFiles.expand(List.of(inbox), true, notes::add);

		assertThat(notes).containsExactly("the folder " + inbox + " holds files pinbatch does not read: March"
				+ " plan.gsheet (a Google Drive shortcut to a Google Sheet: download the sheet as .xlsx or CSV (File >"
				+ " Download) into the folder)");
	}

	@Test
	void aNumbersDocumentKeptAsAPackageIsRefusedAsADocumentNotAnEmptyFolder() throws IOException {
		// Finder shows it as one file; copied off a Mac it is the folder of its parts
		Path numbers = Files.createDirectories(inbox.resolve("Plan.numbers").resolve("Index"));
		Files.writeString(numbers.resolve("Document.iwa"), "");

		assertThatThrownBy(() -> InputFiles.expand(List.of(numbers.getParent()), true, note -> { }))
			.isInstanceOf(RunRefusedException.class)
			.hasMessage(numbers.getParent() + " is an Apple Numbers document, not a folder of inputs: in Numbers choose"
					+ " File > Export To > Excel (or CSV) and give that file");
	}

	@Test
	void aFileWhoseNameTheSystemCouldNotReadIsRefusedWithWhatToDo() throws IOException {
		// how a JVM started without a UTF-8 language setting (cron's default) lists "Café.csv"
		Files.writeString(inbox.resolve("a.csv"), "");
		Files.writeString(inbox.resolve("Caf\uFFFD\uFFFD.csv"), "");

		assertThatThrownBy(() -> InputFiles.expand(List.of(inbox), true, note -> { }))
			.isInstanceOf(RunRefusedException.class)
			.hasMessage("the folder " + inbox + " holds Caf\uFFFD\uFFFD.csv, whose name cannot be opened: this"
					+ " system's language setting (LANG unset or C, as under cron) lets Java open only file names in"
					+ " plain ASCII: set LANG=C.UTF-8 (in a crontab, on a line of its own above the job), or rename"
					+ " the file");
	}
}
