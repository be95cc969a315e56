package com.pinbatch.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.pinbatch.input.InputRow;

class PinValidatorTests {

	private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

	private static final String IMAGE = "https://images.example.com/kitchen/shelf.jpg";

	private static final String VIDEO = "https://images.example.com/recipes/pancakes.mp4";

	@TempDir
	Path dir;

	@Test
	void validRowBecomesAPin() {
		Validation validation = validate("title", "Open shelving", "description", "Shelves that breathe",
				"media_url", IMAGE, "board", "Kitchen Ideas", "link", "https://www.acme-home.example/shelves",
				"account", "acme-home", "publish_at", "2027-03-01T10:00:00Z", "alt_text", "Oak shelves",
				"keywords", " kitchen, shelves ;; oak ,");

		assertThat(validation.isValid()).isTrue();
		assertThat(validation.pin()).isEqualTo(new Pin(2, "Open shelving", "Shelves that breathe",
				new Media(IMAGE, MediaKind.IMAGE, false), "Kitchen Ideas", "https://www.acme-home.example/shelves",
				"acme-home", Instant.parse("2027-03-01T10:00:00Z"), "Oak shelves", null, null,
				List.of("kitchen", "shelves", "oak")));
	}

	@Test
	void hashtagsApartBySpacesAreKeywordsEach() {
		Pin pin = validate("title", "Oak", "media_url", IMAGE, "board", "Kitchen Ideas", "keywords",
				"#kitchen #oak\t#diy, open shelves, #one-tag").pin();

		assertThat(pin.keywords()).containsExactly("#kitchen", "#oak", "#diy", "open shelves", "#one-tag");
		assertThat(validate("title", "Oak", "media_url", IMAGE, "board", "Kitchen Ideas", "keywords",
				"#a ".repeat(200_000)).pin().keywords()).as("a forged cell").hasSize(200_000);
	}

	@Test
	void aRowOfItsColumnsOwnHeadersIsTheHeaderRowAgainAndOnlyThat() {
		Validation header = validate("Title", "TITLE", "media_url", "Media_URL", "Board", "board", "notes", "notes");

		assertProblem(header, "header_row_repeated", "Title", "the row repeats the header row (Title, media_url,"
				+ " Board): it is no pin — delete the row (two files pasted one under the other leave a header row at"
				+ " the join)");
		// one cell its header's name, or one cell only, is a row like any other
		assertThat(codes(validate("title", "title", "media_url", IMAGE, "board", "Kitchen Ideas"))).isEmpty();
		assertThat(codes(validate("title", "title", "media_url", "", "board", ""))).doesNotContain(
				"header_row_repeated");
	}

	@Test
	void aTotalsRowOrASectionHeadingSaysWhatItIsAndToDeleteIt() {
		// before: "media_url is empty; Pinterest has no text-only pins" for each, every night
		Validation totals = validate("title", "Total", "description", "3 pins", "media_url", "", "board", "");
		Validation section = validate("title", "--- January ---", "media_url", "", "board", "");

		assertProblem(totals, "totals_or_section_row", "title", "the row holds only 'Total', '3 pins': a totals or"
				+ " section row, not a pin — delete it from the sheet (it is never sent)");
		assertProblem(section, "totals_or_section_row", "title", "the row holds only '--- January ---': a totals or"
				+ " section row, not a pin — delete it from the sheet (it is never sent)");
		// a pin whose title starts so is a pin; a title alone is a pin without its media
		assertThat(codes(validate("title", "Total home makeover", "media_url", IMAGE, "board", "Kitchen Ideas")))
			.isEmpty();
		assertThat(codes(validate("title", "Summer sale", "media_url", "", "board", ""))).contains("media_missing");
	}

	@Test
	void emptyOptionalFieldsAreNullAndEmptyPublishTimeMeansNow() {
		Pin pin = validate("media_url", IMAGE, "board", "Kitchen Ideas", "title", "").pin();

		assertThat(pin.title()).isNull();
		assertThat(pin.description()).isNull();
		assertThat(pin.link()).isNull();
		assertThat(pin.account()).isNull();
		assertThat(pin.publishAt()).isNull();
		assertThat(pin.keywords()).isEmpty();
	}

	@Test
	void accountAndBoardDefaultsFillEmptyCells() {
		PinValidator validator = new PinValidator(settings("acme-garden", "Balcony Plants"));

		Pin pin = validator.validate(draft("media_url", IMAGE, "board", "", "account", "")).pin();
		Pin own = validator.validate(draft("media_url", IMAGE, "board", "Garden Projects", "account", "acme-home")).pin();

		assertThat(pin.account()).isEqualTo("acme-garden");
		assertThat(pin.board()).isEqualTo("Balcony Plants");
		assertThat(own.account()).isEqualTo("acme-home");
		assertThat(own.board()).isEqualTo("Garden Projects");
	}

	@Test
	void boardDefaultServesAFileWithoutBoardColumn() {
		Pin pin = new PinValidator(settings(null, "918273645500000011")).validate(draft("media_url", IMAGE)).pin();

		assertThat(pin.board()).isEqualTo("918273645500000011");
	}

	@Test
	void titleTooLong() {
		assertProblem(validate("Pin title", "x".repeat(123), "media_url", IMAGE, "board", "b"), "title_too_long",
				"Pin title", "Pin title has 123 characters; Pinterest allows at most 100 — shorten it");
	}

	@Test
	void lengthsCountCharactersNotBytesOrCodeUnits() {
		// 100 emoji are 200 UTF-16 units but 100 characters
		assertThat(validate("title", "\uD83C\uDF73".repeat(100), "media_url", IMAGE, "board", "b").isValid()).isTrue();
	}

	@Test
	void descriptionAndAltTextTooLong() {
		assertProblem(validate("description", "d".repeat(501), "media_url", IMAGE, "board", "b"),
				"description_too_long", "description",
				"description has 501 characters; Pinterest allows at most 500 — shorten it");
		assertProblem(validate("alt", "a".repeat(600), "media_url", IMAGE, "board", "b"), "alt_text_too_long", "alt",
				"alt has 600 characters; Pinterest allows at most 500 — shorten it");
	}

	@Test
	void mediaMissing() {
		assertProblem(validate("title", "t", "media_url", "", "board", "b"), "media_missing", "media_url",
				"media_url is empty; Pinterest has no text-only pins — give one https image or video URL, or a local"
						+ " file path");
		assertThat(validate("title", "t", "board", "b").problems().get(0).message())
			.startsWith("the file has no media column;");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://images.example.com/a.jpg https://images.example.com/b.jpg",
			"https://images.example.com/a.jpg,https://images.example.com/b.png", "a.jpg; b.jpg",
			"https://images.example.com/a.jpg\nhttps://images.example.com/b.mp4" })
	void multipleMedia(String cell) {
		assertThat(codes(validate("media_url", cell, "board", "b"))).containsExactly("multiple_media");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://images.example.com/img?src=https://cdn.example.com/a.jpg",
			"https://images.example.com/render?w=100,h=200", "my photos/pin one.jpg" })
	void oneItemWithSeparatorsInsideIsNotMultiple(String cell) {
		assertThat(codes(validate("media_url", cell, "board", "b"))).doesNotContain("multiple_media");
	}

	@Test
	void mediaUrlNotHttps() {
		assertProblem(validate("Media URL", "http://images.example.com/a.jpg", "board", "b"), "media_url_not_https",
				"Media URL", "Media URL 'http://images.example.com/a.jpg' does not use https; Pinterest fetches media"
						+ " over https only — give the https:// address of the file, or a local file path");
		assertThat(codes(validate("media_url", "ftp://images.example.com/a.jpg", "board", "b")))
			.containsExactly("media_url_not_https");
	}

	@Test
	void mediaUrlInvalid() {
		assertThat(codes(validate("media_url", "https://images example.com/a.jpg", "board", "b")))
			.containsExactly("media_url_invalid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://drive.google.com/file/d/1AbC/view?usp=sharing",
			"https://docs.google.com/uc?id=1AbC", "https://www.dropbox.com/s/abc/pin.jpg?dl=0",
			"https://1drv.ms/i/s!Abc", "https://acme-my.sharepoint.com/:i:/g/personal/pin.jpg",
			"https://www.icloud.com/photos/#0abc", "https://photos.app.goo.gl/xyz", "https://we.tl/t-AbC",
			"https://www.pinterest.com/pin/123456789/", "https://www.pinterest.de/pin/123/", "https://pin.it/AbC",
			"https://www.instagram.com/p/AbC/", "https://www.canva.com/design/DAF/view", "https://imgur.com/a/AbC",
			"https://unsplash.com/photos/oak-AbC", "https://www.flickr.com/photos/acme/123/" })
	void mediaShareLink(String url) {
		Validation validation = validate("media_url", url, "board", "b");

		assertThat(codes(validation)).containsExactly("media_share_link");
		assertThat(validation.problems().get(0).message()).containsPattern("is an? [A-Za-z' ]+ page, which shows a web"
				+ " page instead of the file")
			.contains("give a direct file URL (in a browser, right-click the picture and copy its address), or"
					+ " download the file and give its local path");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://i.imgur.com/AbC.jpg", "https://images.unsplash.com/photo-1?w=1200",
			"https://i.pinimg.com/originals/ab/cd/ef.jpg", "https://live.staticflickr.com/1/2_3_b.jpg" })
	void theFilesOfThoseSitesAreTheirOwnAddresses(String url) {
		assertThat(codes(validate("media_url", url, "board", "b"))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://images.example.com/a.bmp", "https://images.example.com/a.HEIC",
			"https://images.example.com/clip.webm", "https://images.example.com/doc.pdf?x=1" })
	void unsupportedMediaTypeOnUrl(String url) {
		assertThat(codes(validate("media_url", url, "board", "b"))).containsExactly("unsupported_media_type");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://images.example.com/render.php?id=3", "https://images.example.com/pins/123",
			"https://images.example.com/a.JPEG", "https://images.example.com/a.webp", "https://images.example.com/a.gif" })
	void urlWithoutKnownOtherExtensionIsAnImage(String url) {
		Pin pin = validate("media_url", url, "board", "b").pin();

		assertThat(pin.media()).isEqualTo(new Media(url, MediaKind.IMAGE, false));
	}

	@Test
	void movAndMp4AreVideos() {
		assertThat(validate("media_url", "https://images.example.com/a.MOV", "board", "b").pin().media().kind())
			.isEqualTo(MediaKind.VIDEO);
		assertThat(validate("media_url", VIDEO, "board", "b").pin().media().kind()).isEqualTo(MediaKind.VIDEO);
	}

	@Test
	void localFileResolvesAgainstTheInputFolder() throws IOException {
		Path photos = Files.createDirectories(dir.resolve("photos"));
		Path image = Files.write(photos.resolve("shelf.png"), new byte[] { 1, 2, 3 });
		Path video = Files.write(photos.resolve("tour.mp4"), new byte[] { 1 });

		Pin imagePin = validate("media_url", "photos/shelf.png", "board", "b").pin();
		Pin videoPin = validate("media_url", video.toString(), "board", "b", "cover_keyframe_s", "2").pin();

		assertThat(imagePin.media()).isEqualTo(new Media(image.toString(), MediaKind.IMAGE, true));
		assertThat(videoPin.media()).isEqualTo(new Media(video.toString(), MediaKind.VIDEO, true));
	}

	@Test
	void mediaFileNotFound() throws IOException {
		Files.createDirectories(dir.resolve("folder.jpg"));

		Validation missing = validate("media_url", "photos/missing.jpg", "board", "b");
		Validation folder = validate("media_url", "folder.jpg", "board", "b");

		assertProblem(missing, "media_file_not_found", "media_url", "media_url 'photos/missing.jpg' is not a file in "
				+ dir + " (the input file's folder, or --media-root) — put it there (a copy, not a hard link) and give"
				+ " its path relative to the input file, or give an https URL");
		assertThat(codes(folder)).containsExactly("media_file_not_found");
		// without a scheme, a name that starts like a host is told how to be a web address
		assertProblem(validate("media_url", "images.example.com/a.jpg", "board", "b"), "media_file_not_found",
				"media_url", "media_url 'images.example.com/a.jpg' is no file here, and as a web address it has no"
						+ " https:// in front — write it like https://images.example.com/a.jpg, or give a local file's"
						+ " path");
	}

	@Test
	void anAddressAfterAnInvisibleDirectionMarkIsToldToLoseTheMarkNotToBeAFile() {
		// before: "media_url '‏https://…' is not a file in …", the mark unseen in the message
		assertProblem(validate("media_url", "\u200Fhttps://images.example.com/a.jpg", "board", "b"),
				"media_url_invalid", "media_url", "media_url starts with an invisible character (U+200F, a"
						+ " right-to-left mark, which right-to-left sheets put in cells) before its address — retype"
						+ " the cell, or delete that character");
		// a mark at the end leaves the address as it was sent before (a pin is known again by its address)
		assertThat(codes(validate("media_url", "https://images.example.com/a.jpg\u200F", "board", "b"))).isEmpty();
	}

	@Test
	void aWwwAddressWithoutItsSchemeIsTheWebAddressUnlessItIsAFileHere() throws IOException {
		Validation typed = validate("media_url", "www.example.com/a.jpg", "board", "b");
		Files.createDirectories(dir.resolve("www.mirror.example"));
		Files.write(dir.resolve("www.mirror.example/a.jpg"), new byte[] { 1 });
		Validation mirrored = validate("media_url", "www.mirror.example/a.jpg", "board", "b");

		assertThat(typed.isValid()).isTrue();
		assertThat(typed.pin().media().location()).isEqualTo("https://www.example.com/a.jpg");
		assertThat(mirrored.pin().media().local()).isTrue();
	}

	/**
	 * A CSV saved with its formulas shown: the address the formula names is the cell's, as in a workbook. Before,
	 * "=IMAGE(...)" was "a .jpg\") file", and the link's "=HYPERLINK(...)" not a full web address.
	 */
	@Test
	void aFormulaWrittenAsTextGivesTheAddressItNames() {
		Validation pictured = validate("media_url", "=IMAGE(\"https://images.example.com/x/f.jpg\")", "board", "b",
				"link", "=HYPERLINK(\"https://www.acme-home.example/p/1\",\"Shop now\")");
		Validation linked = validate("media_url", "=hyperlink(\"https://images.example.com/x/g.jpg\")", "board", "b");
		// a link is no picture: IMAGE there is not read as one
		Validation picturedLink = validate("media_url", "https://images.example.com/x/f.jpg", "board", "b", "link",
				"=IMAGE(\"https://www.acme-home.example/p/1\")");

		assertThat(pictured.problems()).isEmpty();
		assertThat(pictured.pin().media().location()).isEqualTo("https://images.example.com/x/f.jpg");
		assertThat(pictured.pin().link()).isEqualTo("https://www.acme-home.example/p/1");
		assertThat(linked.pin().media().location()).isEqualTo("https://images.example.com/x/g.jpg");
		assertThat(codes(picturedLink)).containsExactly("link_invalid");
	}

	/** Excel's apostrophe that keeps a cell as typed, hidden in the sheet: before, "not a full web address". */
	@Test
	void anAddressOrDateTypedWithTheApostropheThatKeepsItAsTextIsReadWithoutIt() {
		Validation typed = validate("media_url", "'https://images.example.com/x/f.jpg", "board", "b", "link",
				"'https://www.acme-home.example/p/1", "publish_at", "'2035-04-03 14:00");

		assertThat(typed.problems()).isEmpty();
		assertThat(typed.pin().media().location()).isEqualTo("https://images.example.com/x/f.jpg");
		assertThat(typed.pin().link()).isEqualTo("https://www.acme-home.example/p/1");
		assertThat(typed.pin().publishAt()).isEqualTo(Instant.parse("2035-04-03T14:00:00Z"));
	}

	@Test
	void localFileOfUnsupportedOrUnknownType() throws IOException {
		Files.write(dir.resolve("scan.tiff"), new byte[] { 1 });
		Files.write(dir.resolve("picture"), new byte[] { 1 });

		assertProblem(validate("media_url", "scan.tiff", "board", "b"), "unsupported_media_type", "media_url",
				"media_url 'scan.tiff' is a .tiff file; Pinterest takes JPEG, PNG, WebP or GIF images and MP4 or MOV"
						+ " videos — convert it to one of those");
		assertThat(validate("media_url", "picture", "board", "b").problems().get(0).message())
			.isEqualTo("media_url 'picture' has no file extension, so its type is unknown — name the file .jpg,"
					+ " .png, .webp, .gif, .mp4 or .mov");
	}

	@Test
	void localImageOver32MegabytesIsTooLarge() throws IOException {
		Path big = dir.resolve("big.jpg");
		Path atLimit = dir.resolve("limit.jpg");
		sparse(big, 32L * 1024 * 1024 + 1);
		sparse(atLimit, 32L * 1024 * 1024);

		assertProblem(validate("media_url", "big.jpg", "board", "b"), "media_too_large", "media_url",
				"media_url 'big.jpg' is 32.0 MB; Pinterest takes images up to 32 MB — make the file smaller");
		assertThat(validate("media_url", "limit.jpg", "board", "b").isValid()).isTrue();
	}

	@Test
	void localVideoOverTwoGigabytesIsTooLarge() throws IOException {
		sparse(dir.resolve("long.mov"), 2L * 1024 * 1024 * 1024 + 1);
		sparse(dir.resolve("short.mov"), 40L * 1024 * 1024);

		assertThat(codes(validate("media_url", "long.mov", "board", "b"))).containsExactly("media_too_large");
		assertThat(validate("media_url", "short.mov", "board", "b").isValid()).isTrue();
	}

	@Test
	void linkNotHttps() {
		assertProblem(validate("media_url", IMAGE, "board", "b", "Link", "http://www.acme-home.example/a"),
				"link_not_https", "Link", "Link 'http://www.acme-home.example/a' does not use https; Pinterest only"
						+ " accepts https links — give the https:// address of the page");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://bit.ly/3xYz", "https://t.co/abc", "https://tinyurl.com/acme",
			"https://goo.gl/x", "https://ow.ly/x", "https://buff.ly/x", "https://is.gd/x", "https://rebrand.ly/x",
			"https://lnkd.in/x", "https://tiny.cc/x", "https://cutt.ly/x", "https://s.id/x", "https://BIT.LY/x",
			"https://www.bit.ly/x", "https://go.amzn.to/x" })
	void linkShortener(String link) {
		Validation validation = validate("media_url", IMAGE, "board", "b", "link", link);

		assertThat(codes(validation)).containsExactly("link_shortener");
		assertThat(validation.problems().get(0).message()).startsWith("link '" + link + "' goes through the URL"
				+ " shortener ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://notbit.ly/x", "https://bit.ly.example/x", "https://t.com/x" })
	void aDomainThatOnlyEndsLikeAShortenerIsNotOne(String link) {
		assertThat(codes(validate("media_url", IMAGE, "board", "b", "link", link))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "acme home", "https://", "https://acme home.example/" })
	void linkInvalid(String link) {
		Validation validation = validate("media_url", IMAGE, "board", "b", "link", link);

		assertThat(codes(validation)).containsExactly("link_invalid");
		assertThat(validation.problems().get(0).message())
			.isEqualTo("link '" + link + "' is not a full web address — write it like https://www.example.com/page");
	}

	@Test
	void boardMissing() {
		assertProblem(validate("media_url", IMAGE, "Pinterest board", ""), "board_missing", "Pinterest board",
				"Pinterest board is empty and no --board default was given — fill in a board name or id");
		assertProblem(validate("media_url", IMAGE), "board_missing", "board", "the file has no board column and no"
				+ " --board default was given — add a board column (board name or id) or run with --board=NAME_OR_ID");
	}

	@Test
	void idStoredAsNumberWithMoreThan15DigitsLostPrecision() {
		PinDraft draft = new PinDraft(4, Map.of(PinField.MEDIA_URL, IMAGE, PinField.BOARD,
				"918273645500000000"), Map.of(PinField.BOARD, "board_id"), Set.of(PinField.BOARD));

		assertProblem(validator().validate(draft), "id_precision_lost", "board_id", "board_id '918273645500000000'"
				+ " was stored as a number, and spreadsheets keep only 15 digits, so this id has lost its last digits"
				+ " — format the board_id column as Text and retype the ids (or use the board name)");
	}

	/** Before: a format with thousands' separators hid the number, and the row failed as board_not_found. */
	@Test
	void idStoredAsNumberShownWithGroupedDigitsLostPrecisionToo() {
		PinDraft draft = new PinDraft(4, Map.of(PinField.MEDIA_URL, IMAGE, PinField.BOARD,
				"918,273,645,500,000,000"), Map.of(PinField.BOARD, "board"), Set.of(PinField.BOARD));

		assertThat(codes(validator().validate(draft))).containsExactly("id_precision_lost");
		PinDraft small = new PinDraft(4, Map.of(PinField.MEDIA_URL, IMAGE, PinField.BOARD, "12,345"),
				Map.of(PinField.BOARD, "board"), Set.of(PinField.BOARD));
		assertThat(codes(validator().validate(small))).as("a short number keeps its digits").isEmpty();
	}

	@Test
	void idInScientificNotationLostPrecisionEvenInCsv() {
		assertThat(codes(validate("media_url", IMAGE, "board", "9.18274E+17"))).containsExactly("id_precision_lost");
		assertThat(codes(validate("media_url", IMAGE, "board", "b", "account", "6.5E+23")))
			.containsExactly("id_precision_lost");
	}

	@Test
	void idInScientificNotationWithADecimalCommaLostPrecision() {
		// a CSV saved by a spreadsheet set to German, French or most of Europe's languages
		assertProblem(validate("media_url", IMAGE, "board", "9,18274E+17"), "id_precision_lost", "board",
				"board '9,18274E+17' was stored as a number, and spreadsheets keep only 15 digits, so this id has lost"
						+ " its last digits — format the board column as Text and retype the ids (or use the board"
						+ " name)");
		assertThat(codes(validate("media_url", IMAGE, "board", "b", "account", "6,5E+23")))
			.containsExactly("id_precision_lost");
	}

	@Test
	void aCellShowingASpreadsheetsErrorValueIsNotSentAsText() {
		// a formula that failed, saved as its error value (a workbook's cached value, or a CSV export's text)
		assertProblem(validate("media_url", IMAGE, "board", "b", "description", "#DIV/0!"), "cell_error",
				"description", "description shows the spreadsheet error #DIV/0!: its formula failed — fix the formula"
						+ " (or type the value) and save the file again");
		assertThat(codes(validate("media_url", IMAGE, "board", "#N/A"))).startsWith("cell_error");
		assertThat(codes(validate("media_url", IMAGE, "board", "b", "title", "#name?"))).containsExactly("cell_error");
		// text that merely mentions one is the user's
		assertThat(codes(validate("media_url", IMAGE, "board", "b", "title", "Why #N/A happens in Excel"))).isEmpty();
	}

	@Test
	void aPictureInTheCellIsRefusedSayingWhatToPutThereInstead() {
		// before: read as the #VALUE! Excel saves for it, "its formula failed", and the cell had no formula
		assertProblem(validate("media_url", InputRow.PICTURE_IN_CELL, "board", "b"), "cell_error", "media_url",
				"media_url holds a picture placed in the cell, which the file keeps as no address pinbatch can send —"
						+ " put the picture's https address (or the path of its file) in the cell instead;"
						+ " =IMAGE(\"https://…\") is read as its address");
	}

	@Test
	void aLinkFormulaThatPutsItsAddressTogetherIsRefusedSayingHowToWriteIt() {
		// before: "Link 'Shop' is not a full web address", of a cell whose link works in Excel
		assertProblem(validate("media_url", IMAGE, "board", "b", "link", InputRow.LINK_PUT_TOGETHER), "cell_error",
				"link", "link is a HYPERLINK formula that puts its address together from other cells, and the file"
						+ " keeps only the text it shows — write the whole address in the formula"
						+ " (=HYPERLINK(\"https://…\", \"Shop\")) or in the cell, then run again");
	}

	@Test
	void shortNumbersAndTextIdsAreKept() {
		PinDraft numericButShort = new PinDraft(2, Map.of(PinField.MEDIA_URL, IMAGE, PinField.BOARD,
				"123456789012345"), Map.of(), Set.of(PinField.BOARD));

		assertThat(validator().validate(numericButShort).isValid()).isTrue();
		assertThat(validate("media_url", IMAGE, "board", "918273645500000001").pin().board())
			.isEqualTo("918273645500000001");
	}

	@Test
	void coverOnImage() {
		assertProblem(validate("media_url", IMAGE, "board", "b", "cover_image_url", "https://images.example.com/c.jpg"),
				"cover_on_image", "cover_image_url", "cover_image_url is set but the media is an image; a cover is"
						+ " only for video pins — clear cover_image_url or use a video");
		assertThat(codes(validate("media_url", IMAGE, "board", "b", "cover_keyframe_s", "3")))
			.containsExactly("cover_on_image");
	}

	@Test
	void videoCoverByImageOrKeyframe() {
		Pin byImage = validate("media_url", VIDEO, "board", "b", "cover_image_url", "https://images.example.com/c.jpg")
			.pin();
		Pin byFrame = validate("media_url", VIDEO, "board", "b", "cover_keyframe_s", "7.0").pin();

		assertThat(byImage.coverImageUrl()).isEqualTo("https://images.example.com/c.jpg");
		assertThat(byImage.coverKeyframeSeconds()).isNull();
		assertThat(byFrame.coverKeyframeSeconds()).isEqualTo(7);
	}

	@Test
	void numberInPinterestThumbnailColumnIsAKeyframe() {
		Pin pin = validate("Media URL", VIDEO, "Pinterest board", "b", "Thumbnail", "4").pin();

		assertThat(pin.coverKeyframeSeconds()).isEqualTo(4);
		assertThat(pin.coverImageUrl()).isNull();
		assertProblem(validate("Media URL", VIDEO, "Pinterest board", "b", "Thumbnail", "-2"), "cover_keyframe_invalid",
				"Thumbnail", "Thumbnail '-2' is before the start of the video — give the video frame to use as cover"
						+ " as 0 or more whole seconds from its start, e.g. 3");
	}

	@Test
	void decimalCommaInKeyframeIsReadOrNamed() {
		assertThat(validate("media_url", VIDEO, "board", "b", "cover_keyframe_s", "3,0").pin().coverKeyframeSeconds())
			.isEqualTo(3);
		assertProblem(validate("media_url", VIDEO, "board", "b", "cover_keyframe_s", "2,5"), "cover_keyframe_invalid",
				"cover_keyframe_s", "cover_keyframe_s '2,5' (read with a decimal comma as 2.5) is not a whole number of"
						+ " seconds — give the video frame to use as cover as 0 or more whole seconds, e.g. 3");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "2.5", "three", "99999999999" })
	void coverKeyframeInvalid(String seconds) {
		assertThat(codes(validate("media_url", VIDEO, "board", "b", "cover_keyframe_s", seconds)))
			.containsExactly("cover_keyframe_invalid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://images.example.com/c.jpg", "https://" })
	void coverImageInvalid(String url) {
		assertProblem(validate("media_url", VIDEO, "board", "b", "cover_image_url", url), "cover_image_invalid",
				"cover_image_url", "cover_image_url '" + url + "' is not an https URL — give the https:// address of"
						+ " the cover image, or the path of a local image file");
	}

	@Test
	void localCoverImageMustExist() {
		assertThat(codes(validate("media_url", VIDEO, "board", "b", "cover_image_url", "no-such-cover.jpg")))
			.containsExactly("media_file_not_found");
	}

	@Test
	void coverImageShareLink() {
		assertThat(codes(validate("media_url", VIDEO, "board", "b", "cover_image_url",
				"https://drive.google.com/file/d/1/view"))).containsExactly("media_share_link");
	}

	@Test
	void publishAtInvalidListsAcceptedForms() {
		Validation validation = validate("media_url", IMAGE, "board", "b", "Publish date", "next friday");

		assertProblem(validation, "publish_at_invalid", "Publish date", "Publish date 'next friday' is not a date this"
				+ " tool reads — write it like 2027-03-01T09:30:00Z, 2027-03-01T09:30+01:00, 2027-03-01 09:30[:00],"
				+ " 2027/03/01 9:30 PM, 13/03/2027 09:30 or 03/13/2027 09:30, 2027-03-01 (means 09:00), or pass the"
				+ " column's own form as --date-format (a java.time pattern, e.g. \"d MMMM yyyy HH:mm\" for 1 March 2027"
				+ " 09:30); times without an offset are in UTC");
	}

	@Test
	void publishAtInThePastShowsTheInstantInUtc() {
		PinValidator paris = new PinValidator(new ValidationSettings(ZoneId.of("Europe/Paris"), NOW, null, null, dir,
				null));

		Validation validation = paris.validate(draft("media_url", IMAGE, "board", "b", "publish_at", "2026-11-24 12:30"));

		assertProblem(validation, "publish_at_in_past", "publish_at", "publish_at '2026-11-24 12:30' is"
				+ " 2026-11-24T11:30:00Z (UTC), which is in the past — give a future time, or leave it empty to publish"
				+ " now");
	}

	@Test
	void publishAtNowIsPastAndOneSecondLaterIsFuture() {
		assertThat(codes(validate("media_url", IMAGE, "board", "b", "publish_at", "2026-11-24T12:00:00Z")))
			.containsExactly("publish_at_in_past");
		assertThat(validate("media_url", IMAGE, "board", "b", "publish_at", "2026-11-24T12:00:01Z").pin().publishAt())
			.isEqualTo(Instant.parse("2026-11-24T12:00:01Z"));
	}

	@Test
	void dateAloneUsesDefaultTimeOfDayInTheZone() {
		PinValidator validator = new PinValidator(new ValidationSettings(ZoneId.of("America/New_York"), NOW, null,
				null, dir, LocalTime.of(8, 15)));

		Pin pin = validator.validate(draft("media_url", IMAGE, "board", "b", "publish_at", "2027-01-15")).pin();

		assertThat(pin.publishAt()).isEqualTo(Instant.parse("2027-01-15T13:15:00Z"));
	}

	@Test
	void everyProblemOfARowIsReportedInTheFilesColumnOrder() {
		Validation validation = validate("link", "http://www.acme-home.example/x", "title", "t".repeat(101),
				"publish_at", "2020-01-01", "media_url", "", "campaign", "spring", "cover_keyframe_s", "1");

		assertThat(validation.isValid()).isFalse();
		assertThat(validation.pin()).isNull();
		assertThat(codes(validation)).containsExactly("link_not_https", "title_too_long", "publish_at_in_past",
				"media_missing", "board_missing");
		assertThat(validation.problems()).extracting(ValidationProblem::column)
			.containsExactly("link", "title", "publish_at", "media_url", "board");
	}

	private PinValidator validator() {
		return new PinValidator(settings(null, null));
	}

	private ValidationSettings settings(String defaultAccount, String defaultBoard) {
		return new ValidationSettings(ZoneOffset.UTC, NOW, defaultAccount, defaultBoard, dir, null);
	}

	private Validation validate(String... headersAndValues) {
		return validator().validate(draft(headersAndValues));
	}

	/** A draft made the way the job makes it: through the default mapping, from a row with these headers. */
	private static PinDraft draft(String... headersAndValues) {
		List<String> headers = new ArrayList<>();
		List<String> values = new ArrayList<>();
		for (int i = 0; i < headersAndValues.length; i += 2) {
			headers.add(headersAndValues[i]);
			values.add(headersAndValues[i + 1]);
		}
		return ColumnMapping.defaults().bind(headers).draft(new InputRow(2, headers, values));
	}

	private static List<String> codes(Validation validation) {
		return validation.problems().stream().map(ValidationProblem::code).toList();
	}

	private static void assertProblem(Validation validation, String code, String column, String message) {
		assertThat(validation.problems()).containsExactly(new ValidationProblem(code, column, message));
	}

	private static void sparse(Path file, long length) throws IOException {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.setLength(length);
		}
	}
}
