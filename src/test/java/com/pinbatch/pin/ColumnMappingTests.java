package com.pinbatch.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.pinbatch.input.InputRow;

class ColumnMappingTests {

	@TempDir
	Path dir;

	@Test
	void defaultsMapOurColumnNames() {
		List<String> headers = List.of("title", "description", "media_url", "board", "link", "account", "publish_at",
				"publish_time", "alt_text", "cover_image_url", "cover_keyframe_s", "keywords", "timezone");

		BoundColumns columns = ColumnMapping.defaults().bind(headers);

		for (PinField field : PinField.values()) {
			assertThat(columns.has(field)).as(field.column()).isTrue();
		}
		assertThat(columns.unknownHeaders()).isEmpty();
	}

	@Test
	void headersWithANoteAfterTheirNameFillTheFieldTheirNameDoes() {
		// a content calendar template's headers, each with its hint
		List<String> headers = List.of("Title (max 100 characters)", "Description (500 max)", "Image URL [https]",
				"Board", "Date (yyyy-mm-dd)", "Time (24h)");

		BoundColumns columns = ColumnMapping.defaults().bind(headers);
		PinDraft draft = columns.draft(new InputRow(2, headers, List.of("Oak shelf", "Open oak shelves",
				"https://images.example.com/oak.jpg", "Kitchen Ideas", "2027-03-01", "21:30")));

		assertThat(columns.unknownHeaders()).isEmpty();
		assertThat(draft.get(PinField.TITLE)).isEqualTo("Oak shelf");
		assertThat(draft.get(PinField.MEDIA_URL)).isEqualTo("https://images.example.com/oak.jpg");
		assertThat(draft.get(PinField.PUBLISH_AT)).isEqualTo("2027-03-01 21:30");
		assertThat(ColumnMapping.defaults().namesColumns(List.of("Title (max 100)", "Image (URL)"))).isTrue();
	}

	@Test
	void aNotedHeaderBesideItsNameOrBesideAnotherNotedOneStaysUnusedAsBefore() {
		List<String> headers = List.of("Title", "Title (old)", "Image (old)", "Image (new)", "Board");

		BoundColumns columns = ColumnMapping.defaults().bind(headers);

		assertThat(columns.unknownHeaders()).containsExactly("Title (old)", "Image (old)", "Image (new)");
		assertThat(columns.has(PinField.MEDIA_URL)).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Titel       | Beschreibung | Bild-URL         | Pinnwand
			Titre       | Description  | URL de l'image   | Tableau
			Título      | Descripción  | URL de la imagen | Tablero
			Titolo      | Descrizione  | URL immagine     | Bacheca
			Titel       | Beschrijving | Afbeelding URL   | Bord
			Pin title   | Caption      | Photo URL        | Board
			Title       | Message      | Picture          | Board
			Headline    | Copy         | Image link       | Board
			""")
	void aSheetsImageColumnNamedAsItsLanguageNamesItIsReadAsTheMedia(String title, String description,
			String image, String board) {
		// files without a media column were refused: an image column's usual name in each language is read now
		List<String> headers = List.of(title, description, image, board, "Website");

		BoundColumns columns = ColumnMapping.defaults().bind(headers);
		PinDraft draft = columns.draft(new InputRow(2, headers, List.of("Oak shelf", "Open oak shelves",
				"https://images.example.com/oak.jpg", "Kitchen Ideas", "https://shop.example.com/oak")));

		assertThat(columns.unknownHeaders()).isEmpty();
		assertThat(draft.get(PinField.MEDIA_URL)).isEqualTo("https://images.example.com/oak.jpg");
		assertThat(draft.get(PinField.LINK)).isEqualTo("https://shop.example.com/oak");
		assertThat(columns.byFallback(PinField.MEDIA_URL)).isTrue();
		assertThat(draft.newlyRead()).contains(PinField.MEDIA_URL, PinField.LINK);
		assertThat(ColumnMapping.defaults().holdsWebAddress(image)).as("its linked cells read as addresses").isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			标题 | 描述 | 图片URL  | 画板 | 账户   | 发布时间
			標題 | 說明 | 圖片網址 | 畫板 | 帳戶   | 發佈時間
			标题 | 描述 | 图片地址 | 画板 | 用户名 | 发布时间
			""")
	void aChineseSheetsUsualHeadersAreRead(String title, String description, String image, String board,
			String account, String date) {
		// before, '图片URL' was refused (no media column), and the advice offered it as the link
		List<String> headers = List.of(title, description, image, board, account, date);

		BoundColumns columns = ColumnMapping.defaults().bind(headers);
		PinDraft draft = columns.draft(new InputRow(2, headers, List.of("厨房收纳", "木质搁板",
				"https://images.example.com/j4.jpg", "Kitchen Ideas", "acme-home", "2027-12-31 14:00")));

		assertThat(columns.unknownHeaders()).isEmpty();
		assertThat(draft.get(PinField.MEDIA_URL)).isEqualTo("https://images.example.com/j4.jpg");
		assertThat(draft.get(PinField.BOARD)).isEqualTo("Kitchen Ideas");
		assertThat(draft.get(PinField.ACCOUNT)).isEqualTo("acme-home");
		assertThat(draft.has(PinField.LINK)).isFalse();
	}

	@Test
	void aFallbackNameBesideTheFieldsOwnNameOrBesideAnotherFallbackNameStaysUnusedAsBefore() {
		List<String> headers = List.of("Title", "Image", "Photo URL", "Board", "Website", "Landing page");

		BoundColumns columns = ColumnMapping.defaults().bind(headers);

		assertThat(columns.header(PinField.MEDIA_URL)).isEqualTo("Image");
		assertThat(columns.has(PinField.LINK)).as("two columns could be the link").isFalse();
		assertThat(columns.unknownHeaders()).containsExactly("Photo URL", "Website", "Landing page");
		assertThat(columns.draft(new InputRow(2, headers, List.of("Oak", "https://i.example.com/a.jpg",
				"https://i.example.com/b.jpg", "Kitchen", "https://a.example.com", "https://b.example.com")))
			.newlyRead()).isEmpty();
	}

	@Test
	void namesAndDatesLoseTheirDirectionMarksAndOddSpacesButTextAndAddressesKeepThem() {
		// a board copied from a web page (a no-break space), a right-to-left sheet's mark at a date's start, a time
		// that macOS writes with a narrow no-break space before PM (before: "board 'Kitchen Ideas' not found ... did
		// you mean 'Kitchen Ideas'?", "not a date")
		List<String> headers = List.of("title", "media_url", "board", "publish_at");
		BoundColumns columns = ColumnMapping.defaults().bind(headers);

		PinDraft draft = columns.draft(new InputRow(2, headers, List.of("\u200Fשלום\u00A0עולם",
				"\u200Ehttps://images.example.com/rt/3.jpg", "Kitchen\u00A0Ideas", "\u200F12/25/2030 10:00\u202FAM")));

		// an address keeps them: one with a mark at its end was sent so, and a pin is known again by its address
		assertThat(draft.get(PinField.MEDIA_URL)).isEqualTo("\u200Ehttps://images.example.com/rt/3.jpg");
		assertThat(draft.get(PinField.BOARD)).isEqualTo("Kitchen Ideas");
		assertThat(draft.get(PinField.PUBLISH_AT)).isEqualTo("12/25/2030 10:00 AM");
		assertThat(draft.get(PinField.TITLE)).isEqualTo("\u200Fשלום\u00A0עולם");
	}

	@Test
	void aFieldTheUsersMappingNamesIsReadFromTheNamesGivenThereOnly() throws IOException {
		ColumnMapping mapping = ColumnMapping.fromYaml(write("media_url: [Visual]\n"));

		BoundColumns columns = mapping.bind(List.of("Title", "Photo URL", "Board", "Website"));

		assertThat(columns.has(PinField.MEDIA_URL)).isFalse();
		assertThat(columns.header(PinField.LINK)).as("a field the file does not name").isEqualTo("Website");
	}

	@Test
	void defaultsMapPinterestBulkTemplateHeaders() {
		List<String> headers = List.of("Title", "Media URL", "Pinterest board", "Thumbnail", "Description", "Link",
				"Publish date", "Keywords");
		InputRow row = new InputRow(2, headers, List.of("Pasta", "https://images.example.com/p.mp4",
				"Weeknight Dinners", "4", "Quick pasta", "https://www.acme-home.example/pasta", "2027-03-01", "pasta"));

		PinDraft draft = ColumnMapping.defaults().bind(headers).draft(row);

		assertThat(draft.values()).containsOnly(Map.entry(PinField.TITLE, "Pasta"),
				Map.entry(PinField.MEDIA_URL, "https://images.example.com/p.mp4"),
				Map.entry(PinField.BOARD, "Weeknight Dinners"), Map.entry(PinField.COVER_IMAGE_URL, "4"),
				Map.entry(PinField.DESCRIPTION, "Quick pasta"),
				Map.entry(PinField.LINK, "https://www.acme-home.example/pasta"),
				Map.entry(PinField.PUBLISH_AT, "2027-03-01"), Map.entry(PinField.KEYWORDS, "pasta"));
		assertThat(draft.columnName(PinField.COVER_IMAGE_URL)).isEqualTo("Thumbnail");
		assertThat(draft.columnName(PinField.BOARD)).isEqualTo("Pinterest board");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			French     | Titre  | Description  | Image    | Tableau  | Lien          | Date de publication   | Mots-clés
			German     | Titel  | Beschreibung | Bild     | Pinnwand | Link          | Veröffentlichungsdatum | Schlagwörter
			Spanish    | Título | Descripción  | Imagen   | Tablero  | Enlace        | Fecha de publicación  | Palabras clave
			Italian    | Titolo | Descrizione  | Immagine | Bacheca  | Collegamento  | Data di pubblicazione | Parole chiave
			Portuguese | Titulo | Descrição    | Imagem   | Board    | Link          | Data de publicação    | Palavras-chave
			Dutch      | Titel  | Beschrijving | Afbeelding | Bord   | Link          | Publicatiedatum       | Trefwoorden
			Japanese   | タイトル | 説明        | 画像ＵＲＬ | ボード    | リンク先       | 投稿日時               | キーワード
			Korean     | 제목    | 설명         | 이미지 URL | 보드      | 링크          | 게시 일시              | 태그
			Chinese (simplified)  | 标题 | 描述 | 图片链接 | 图板 | 链接 | 发布时间 | 关键词
			Chinese (traditional) | 標題 | 說明 | 圖片    | 圖板 | 連結 | 發佈時間 | 標籤
			""")
	void defaultsMapTheHeadersOfSpreadsheetsWrittenInOtherLanguages(String language, String title,
			String description, String image, String board, String link, String publishAt, String keywords) {
		BoundColumns columns = ColumnMapping.defaults()
			.bind(List.of(title, description, image, board, link, publishAt, keywords));

		assertThat(columns.unknownHeaders()).as(language).isEmpty();
		for (PinField field : List.of(PinField.TITLE, PinField.DESCRIPTION, PinField.MEDIA_URL, PinField.BOARD,
				PinField.LINK, PinField.PUBLISH_AT, PinField.KEYWORDS)) {
			assertThat(columns.has(field)).as(language + " " + field.column()).isTrue();
		}
	}

	/** Before: only English and East Asian names; a German "Zeitzone" was left unused and its times read in UTC. */
	@ParameterizedTest
	@CsvSource({ "Fuseau horaire", "Zeitzone", "Zona horaria", "Huso horario", "Fuso orario", "Fuso horário",
			"Tijdzone", "タイムゾーン", "시간대", "时区", "時區", "Time zone" })
	void defaultsReadTheTimeZoneColumnUnderItsNameInOtherLanguages(String header) {
		BoundColumns columns = ColumnMapping.defaults().bind(List.of("Title", "Image", "Board", "Date", header));

		assertThat(columns.has(PinField.TIMEZONE)).isTrue();
		assertThat(columns.unknownHeaders()).isEmpty();
	}

	@Test
	void defaultsMapTheHeadersOfAPinSchedulingToolsExport() {
		// before: "Pin Description" was not used, and its rows went without a description, with a note only
		BoundColumns columns = ColumnMapping.defaults().bind(List.of("Pin Title", "Pin Description", "Image URL",
				"Board Name", "Destination URL", "Account"));

		assertThat(columns.unknownHeaders()).isEmpty();
		assertThat(columns.has(PinField.DESCRIPTION)).isTrue();
	}

	@Test
	void headerMatchIgnoresAccents() {
		// the same header typed with and without its accents, or with them decomposed as a Mac writes them
		for (String header : List.of("Título", "Titulo", "TI\u0301TULO")) {
			assertThat(ColumnMapping.defaults().bind(List.of(header)).has(PinField.TITLE)).as(header).isTrue();
		}
	}

	@Test
	void headerMatchIgnoresCaseSpacesUnderscoresAndDashes() {
		for (String header : List.of("Media URL", "media_url", "MEDIA-URL", "mediaUrl", " media url ", "\uFEFFmedia_url")) {
			BoundColumns columns = ColumnMapping.defaults().bind(List.of(header));
			assertThat(columns.has(PinField.MEDIA_URL)).as(header).isTrue();
		}
	}

	@Test
	void headersCopiedWithInvisibleCharactersOrALabelsColonStillMatch() {
		// from a web page or a document: a zero-width space, a soft hyphen, a word joiner; a form's "Board:"
		// (before: not recognised, and the mapping line suggested for them matched nothing either)
		for (String header : List.of("\u200BDescription", "Descrip\u00ADtion", "Description\u2060", "Description:")) {
			BoundColumns columns = ColumnMapping.defaults().bind(List.of(header));
			assertThat(columns.has(PinField.DESCRIPTION)).as(header).isTrue();
		}
	}

	/** Before: such a row was taken for the header, and the file refused as having no title or media column. */
	@Test
	void aRowOfLabelsWithTheirValuesIsNoHeader() {
		ColumnMapping mapping = ColumnMapping.defaults();

		assertThat(mapping.namesColumns(List.of("Konto:", "acme-home", "Pinnwand:", "Kitchen Ideas"))).isFalse();
		assertThat(mapping.namesColumns(List.of("Account:", "acme-home", "", "Board:", "Kitchen Ideas"))).isFalse();
		// headers written as labels are still headers
		assertThat(mapping.namesColumns(List.of("Title:", "Media URL:", "Notes"))).isTrue();
		assertThat(mapping.namesColumns(List.of("Title:", "Board:"))).isTrue();
		assertThat(mapping.namesColumns(List.of("Titel", "Bild", "Datum", "Beschreibung"))).isTrue();
	}

	/** A template marks its required columns so (before: "Title*" was not read, and the file was refused). */
	@Test
	void aRequiredColumnsAsteriskIsNoPartOfItsName() {
		BoundColumns columns = ColumnMapping.defaults().bind(List.of("Title*", "Media URL *", "*Board", "Description"));

		assertThat(columns.has(PinField.TITLE)).isTrue();
		assertThat(columns.has(PinField.MEDIA_URL)).isTrue();
		assertThat(columns.has(PinField.BOARD)).isTrue();
		assertThat(columns.unknownHeaders()).isEmpty();
	}

	@Test
	void synonymsMapToTheirFieldsAndUrlIsTheLink() {
		List<String> headers = List.of("image_url", "board_id", "username", "scheduled_at", "alt", "tags", "url");

		PinDraft draft = ColumnMapping.defaults().bind(headers)
			.draft(new InputRow(2, headers, List.of("a.jpg", "1", "acme-home", "2027-01-01", "x", "k", "https://l")));

		assertThat(draft.values().keySet()).containsExactlyInAnyOrder(PinField.MEDIA_URL, PinField.BOARD,
				PinField.ACCOUNT, PinField.PUBLISH_AT, PinField.ALT_TEXT, PinField.KEYWORDS, PinField.LINK);
		assertThat(draft.get(PinField.LINK)).isEqualTo("https://l");
	}

	@Test
	void draftTrimsValuesOmitsEmptyOnesAndKeepsUnknownColumnsOut() {
		List<String> headers = List.of("Title", "campaign", "media_url", "board");
		InputRow row = new InputRow(7, headers, List.of("  Soup  ", "spring", "   ", "Quick Breakfasts"));

		BoundColumns columns = ColumnMapping.defaults().bind(headers);
		PinDraft draft = columns.draft(row);

		assertThat(draft.rowNumber()).isEqualTo(7);
		assertThat(draft.values()).containsOnly(Map.entry(PinField.TITLE, "Soup"),
				Map.entry(PinField.BOARD, "Quick Breakfasts"));
		assertThat(draft.columnNames()).containsOnly(Map.entry(PinField.TITLE, "Title"),
				Map.entry(PinField.MEDIA_URL, "media_url"), Map.entry(PinField.BOARD, "board"));
		assertThat(columns.headers()).isEqualTo(headers);
		assertThat(columns.unknownHeaders()).containsExactly("campaign");
		assertThat(columns.has(PinField.LINK)).isFalse();
	}

	@Test
	void draftMarksFieldsWhoseCellsWereNumbers() {
		List<String> headers = List.of("board", "account", "media_url");
		InputRow row = new InputRow(2, headers, List.of("918273645500000000", "acme-home", "a.jpg"), Set.of(0), null);

		PinDraft draft = ColumnMapping.defaults().bind(headers).draft(row);

		assertThat(draft.numericFields()).containsExactly(PinField.BOARD);
	}

	@Test
	void userFileReplacesTheFieldsItNamesAndKeepsTheOthers() throws IOException {
		Path file = write("""
				# our shop's export
				title: [Pin name]
				media_url: [Picture, Video file]
				""");
		ColumnMapping mapping = ColumnMapping.fromYaml(file);

		BoundColumns columns = mapping.bind(List.of("Pin name", "picture", "board", "title"));

		assertThat(columns.has(PinField.TITLE)).isTrue();
		assertThat(columns.has(PinField.MEDIA_URL)).isTrue();
		assertThat(columns.has(PinField.BOARD)).isTrue();
		// "title" is no longer a title header: the user's list replaced it
		assertThat(columns.unknownHeaders()).containsExactly("title");
	}

	@Test
	void userHeaderTakenFromAnotherFieldsDefaults() throws IOException {
		Path file = write("cover_image_url: [image]\n");

		BoundColumns columns = ColumnMapping.fromYaml(file).bind(List.of("image", "media_url"));

		assertThat(columns.draft(new InputRow(2, columns.headers(), List.of("c.jpg", "v.mp4"))).values())
			.containsOnly(Map.entry(PinField.COVER_IMAGE_URL, "c.jpg"), Map.entry(PinField.MEDIA_URL, "v.mp4"));
	}

	@Test
	void emptyListStopsAFieldFromBeingRead() throws IOException {
		BoundColumns columns = ColumnMapping.fromYaml(write("keywords: []\n")).bind(List.of("title", "keywords"));

		assertThat(columns.has(PinField.KEYWORDS)).isFalse();
		assertThat(columns.unknownHeaders()).containsExactly("keywords");
	}

	@Test
	void singleHeaderMayBeWrittenWithoutBrackets() throws IOException {
		BoundColumns columns = ColumnMapping.fromYaml(write("board: Collection\n")).bind(List.of("Collection"));

		assertThat(columns.has(PinField.BOARD)).isTrue();
	}

	@Test
	void unknownFieldInUserFileNamesTheFileAndTheFields() throws IOException {
		Path file = write("titel: [Name]\n");

		assertThatThrownBy(() -> ColumnMapping.fromYaml(file)).isInstanceOf(MappingException.class)
			.hasMessage(file + ": unknown field 'titel'; fields are: title, description, media_url, board, link,"
					+ " account, publish_at, publish_time, alt_text, cover_image_url, cover_keyframe_s, keywords,"
					+ " timezone");
	}

	@Test
	void valueThatIsNotAListOfHeadersIsRejected() throws IOException {
		Path nested = write("title:\n  first: Name\n");
		Path empty = write("title:\n");

		assertThatThrownBy(() -> ColumnMapping.fromYaml(nested)).isInstanceOf(MappingException.class)
			.hasMessageStartingWith(nested + ": field 'title' must be a list of header names");
		assertThatThrownBy(() -> ColumnMapping.fromYaml(empty)).isInstanceOf(MappingException.class)
			.hasMessageStartingWith(empty + ": field 'title' must be a list of header names");
	}

	@Test
	void invalidYamlIsOneLineWithThePosition() throws IOException {
		Path file = write("title: [Name\nboard: [x]\n");

		assertThatThrownBy(() -> ColumnMapping.fromYaml(file)).isInstanceOf(MappingException.class)
			.hasMessageStartingWith(file + ": not valid YAML (line ")
			.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("\n"));
	}

	@Test
	void fileThatIsNotAMapOrIsEmptyIsRejected() throws IOException {
		Path list = write("- title\n- board\n");
		Path empty = write("# nothing\n");

		assertThatThrownBy(() -> ColumnMapping.fromYaml(list)).isInstanceOf(MappingException.class)
			.hasMessageStartingWith(list + ": expected one 'field: [header, ...]' entry per line");
		assertThatThrownBy(() -> ColumnMapping.fromYaml(empty)).isInstanceOf(MappingException.class)
			.hasMessageStartingWith(empty + ": the mapping file is empty");
	}

	@Test
	void aliasesAreRefusedBeforeTheyAreExpanded() throws IOException {
		// a classic "billion laughs" of scalars: thousands of aliases to one large string
		StringBuilder bomb = new StringBuilder("big: &big \"").append("x".repeat(40_000)).append("\"\ntitle: [");
		for (int i = 0; i < 5_000; i++) {
			bomb.append(i == 0 ? "" : ",").append("*big");
		}
		Path file = write(bomb.append("]\n").toString());

		assertThatThrownBy(() -> ColumnMapping.fromYaml(file)).isInstanceOf(MappingException.class)
			.hasMessage(file + ": an alias (*name) (line 2, column 9) is not allowed in a mapping file; write each"
					+ " header name out");
	}

	@Test
	void aFileLargerThanAnyMappingIsRefusedUnread() throws IOException {
		Path file = write("title: [" + "x".repeat(MappingFile.MAX_BYTES) + "]\n");

		assertThatThrownBy(() -> ColumnMapping.fromYaml(file)).isInstanceOf(MappingException.class)
			.hasMessage(file + ": the mapping file is larger than 64 KB; a mapping file lists a few header names per"
					+ " field");
	}

	@Test
	void customTagsAreRefused() throws IOException {
		Path file = write("title: !!javax.script.ScriptEngineManager [x]\n");

		assertThatThrownBy(() -> ColumnMapping.fromYaml(file)).isInstanceOf(MappingException.class)
			.hasMessageStartingWith(file + ": not valid YAML")
			.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("\n"));
	}

	@Test
	void missingFileIsAMappingException() {
		Path file = dir.resolve("nope.yml");

		assertThatThrownBy(() -> ColumnMapping.fromYaml(file)).isInstanceOf(MappingException.class)
			.hasMessage(file + ": mapping file not found; check the --mapping path");
	}

	@Test
	void folderInsteadOfFileCannotBeRead() {
		assertThatThrownBy(() -> ColumnMapping.fromYaml(dir)).isInstanceOf(MappingException.class)
			.hasMessageStartingWith(dir + ": cannot read the mapping file");
	}

	@Test
	void sameHeaderUnderTwoFieldsOfTheUserFileIsRejected() throws IOException {
		Path file = write("title: [Name]\nboard: [name]\n");

		assertThatThrownBy(() -> ColumnMapping.fromYaml(file)).isInstanceOf(MappingException.class)
			.hasMessage(file + ": header 'name' is listed under both 'title' and 'board'; keep it under one field");
	}

	@Test
	void noKnownColumnListsWhatWasFound() {
		assertThatThrownBy(() -> ColumnMapping.defaults().bind(List.of("a", "b")))
			.isInstanceOf(MappingException.class)
			.hasMessage("no known columns: found 'a', 'b'; expected e.g. title, media_url, board (or give --mapping=FILE),"
					+ " in a header row among the first 20 rows that are not blank");
	}

	@Test
	void twoColumnsForOneFieldAreNamedBoth() {
		assertThatThrownBy(() -> ColumnMapping.defaults().bind(List.of("Title", "image", "Media URL")))
			.isInstanceOf(MappingException.class)
			.hasMessage("columns B ('image') and C ('Media URL') both map to media_url; remove or rename one of them"
					+ " (or give --mapping=FILE)");
		// the same header twice, one with a space after it: the letters say which columns they are
		assertThatThrownBy(() -> ColumnMapping.defaults().bind(List.of("Title ", "board", "Title")))
			.hasMessageStartingWith("columns A ('Title') and C ('Title') both map to title;");
	}

	@Test
	void shippedDefaultFileIsTheOneInConfig() throws IOException {
		// the jar carries config/default-mapping.yml: a user may copy it as a starting point
		Path config = Path.of("config/default-mapping.yml");

		BoundColumns fromFile = ColumnMapping.fromYaml(config).bind(List.of("Thumbnail", "Publish date", "tags"));

		assertThat(fromFile.has(PinField.COVER_IMAGE_URL)).isTrue();
		assertThat(fromFile.has(PinField.PUBLISH_AT)).isTrue();
		assertThat(fromFile.has(PinField.KEYWORDS)).isTrue();
	}

	private Path write(String yaml) throws IOException {
		Path file = Files.createTempFile(dir, "mapping", ".yml");
		Files.writeString(file, yaml);
		return file;
	}
}
