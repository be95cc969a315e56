package com.pinbatch.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files as spreadsheet programs save them across the code pages users meet, in the shapes they come in (one short
 * cell, a few accented titles among plain rows, a long file): each is read back exactly as written, or it is not
 * read as some other text. The detector guesses from statistics that short files do not give it; this sweep is what
 * the code-page rules are held to.
 */
class CodePageSweepTests {

	@TempDir
	Path dir;

	/** A language's text as a marketing team writes a pin's title, and the code page its Windows saves it in. */
	static Stream<Arguments> texts() {
		List<Arguments> texts = new ArrayList<>();
		String[][] samples = {
			{ "windows-1252", "French", "Très belle pièce, crème brûlée à la française" },
			{ "windows-1252", "French (œ, €)", "Œufs brouillés à Noël, 9,99 €" },
			{ "windows-1252", "Spanish (º)", "Piso 1º, habitación nº 2, señal" },
			{ "windows-1252", "German", "Schöne Küche für Müller, Größe überprüfen" },
			{ "windows-1252", "Spanish", "Año nuevo, piñata para niños en la cocina" },
			{ "windows-1252", "Portuguese", "Informações e opções para a decoração" },
			{ "windows-1252", "Italian", "Più città, perché è così" },
			{ "windows-1252", "French (où)", "Là où il fait beau" },
			{ "windows-1252", "Catalan", "Còmoda i taula, història del moble" },
			{ "windows-1252", "Icelandic", "Þórsmörk ferð í ágúst, þú og ég" },
			{ "windows-1252", "Dutch", "Coöperatie en ideeën voor de keuken" },
			{ "windows-1252", "Swedish", "Kök och hylla, små rum på våren" },
			{ "windows-1252", "Danish", "Køkken og hylde, små rum i æblehaven" },
			{ "windows-1252", "English (curly quotes)", "“Best” kitchen ideas… don’t miss – 5‰ off, ‘Mon–Fri’" },
			{ "windows-1252", "Spanish (¡ ¿)", "¡Hola! ¿Qué tal? Señor García" },
			{ "windows-1252", "Spanish (questions)", "¿Cocina nueva? ¡Oferta de otoño! Ideas para el salón" },
			{ "windows-1252", "Spanish (a question alone)", "¿Ideas?" },
			{ "windows-1252", "Spanish (a question in a sentence)", "Descripción: ¿Ideas? ¡Mesa!" },
			{ "windows-1252", "French (no-break spaces)", "Prix\u00a0: 10\u00a0€, «\u00a0Très bien\u00a0»\u00a0!" },
			{ "windows-1252", "English (apostrophe, em dash)", "Don’t miss our kitchen—and more" },
			{ "windows-1252", "English (en dashes)", "north–south shelving, pages 10–20, Mon–Fri" },
			{ "windows-1252", "English (trade mark, bullet)", "Acme™ shelves • 5‰ off" },
			{ "windows-1252", "English (pounds, m²)", "Price £5, 20 m² and 3 m³" },
			{ "windows-1252", "English (em dashes)", "Our kitchen—a dream, the x—y axis" },
			{ "windows-1252", "English (symbols)", "©2026 Acme™ • 30°C • ½ price • naïve façade" },
			{ "windows-1252", "English (accented names)", "Zoë’s résumé, São Paulo café" },
			{ "x-MacRoman", "English (Mac, apostrophe, em dash)", "Don’t miss our kitchen—and more" },
			{ "x-MacRoman", "English (Mac, symbols)", "©2026 Acme™ • 30°C • naïve façade" },
			{ "x-MacRoman", "English (Mac, accented names)", "Zoë’s résumé, São Paulo café" },
			{ "x-MacRoman", "German (Mac)", "Schöne Küche für Müller, Größe überprüfen" },
			{ "x-MacRoman", "French (Mac)", "Très belle pièce, crème brûlée à la française" },
			{ "x-MacRoman", "French (Mac, capitals)", "Étagères en chêne ouvert" },
			{ "x-MacRoman", "French (Mac, œ, €)", "Œufs brouillés à Noël, 9,99 €" },
			{ "x-MacRoman", "Spanish (Mac)", "Año nuevo, piñata para niños en la cocina" },
			{ "x-MacRoman", "Spanish (Mac, ¡ ¿)", "¡Hola! ¿Qué tal? Señor García" },
			{ "x-MacRoman", "Portuguese (Mac)", "Informações e opções para a decoração" },
			{ "x-MacRoman", "Italian (Mac)", "Più città, perché è così" },
			{ "x-MacRoman", "Dutch (Mac)", "Coöperatie en ideeën voor de keuken" },
			{ "x-MacRoman", "Swedish (Mac)", "Kök och hylla, små rum på våren" },
			{ "x-MacRoman", "Swedish (Mac, ö alone)", "Kök och bord i ek" },
			{ "x-MacRoman", "German (Mac, one word)", "Küche" },
			{ "x-MacRoman", "Portuguese (Mac, one word)", "Sofá novo" },
			{ "x-MacRoman", "Spanish (Mac, ó alone)", "Decoración del salón" },
			{ "x-MacRoman", "Danish (Mac)", "Køkken og hylde, små rum i æblehaven" },
			{ "x-MacRoman", "English (Mac, curly quotes)", "“Best” kitchen ideas… don’t miss – ‘Mon–Fri’" },
			{ "IBM850", "French (MS-DOS)", "Très belle pièce, crème brûlée à la française" },
			{ "IBM850", "German (MS-DOS)", "Schöne Küche für Müller, Größe überprüfen" },
			{ "IBM850", "Spanish (MS-DOS)", "Año nuevo, piñata para niños en la cocina" },
			{ "IBM850", "Portuguese (MS-DOS)", "Informações e opções para a decoração" },
			{ "IBM850", "Italian (MS-DOS)", "Più città, perché è così" },
			{ "IBM850", "Dutch (MS-DOS)", "Coöperatie en ideeën voor de keuken" },
			{ "IBM850", "Swedish (MS-DOS)", "Kök och hylla, små rum på våren" },
			{ "IBM850", "Danish (MS-DOS)", "Køkken og hylde, små rum i æblehaven" },
			{ "IBM850", "French (MS-DOS, è alone)", "Une crème pour le dessert" },
			{ "IBM850", "Swedish (MS-DOS, ö alone)", "Kök och bord i ek" },
			{ "x-MacRoman", "Swedish (Mac, å alone)", "Små bord och hyllor" },
			{ "windows-1250", "Slovak", "Ďakujem, krásny stôl do kuchyne" },
			{ "windows-1250", "Croatian", "Kuhinjska polica, čaša i šećer, đak" },
			{ "windows-1250", "Romanian", "Raft de bucătărie, idei şi soluţii" },
			{ "windows-1250", "Polish", "Łódź i Wrocław, żółta półka" },
			{ "windows-1250", "Polish (Ł first)", "Łazienka" },
			{ "windows-1250", "Polish (short)", "Łóżko dla dzieci" },
			{ "windows-1250", "Polish (ż first)", "żółty stół? życie, żaba!" },
			{ "windows-1250", "Polish (a city alone)", "Łódź" },
			{ "windows-1250", "Czech", "Příliš žluťoučký kůň úpěl ďábelské ódy" },
			{ "windows-1250", "Hungarian", "Árvíztűrő tükörfúrógép, őszi kert" },
			{ "windows-1250", "Czech (short)", "Dětský pokoj" },
			{ "windows-1250", "Czech (ě at the end)", "Kuchyně ve stylu" },
			{ "windows-1250", "Czech (ů)", "Jídelní stůl z dubu" },
			{ "windows-1250", "Hungarian (ő alone)", "Fürdőszoba ötletek" },
			{ "windows-1251", "Russian", "Кухонная полка из дуба для маленькой кухни" },
			{ "windows-1251", "Ukrainian", "Дубова полиця для кухні, ідеї" },
			{ "windows-1251", "Bulgarian", "Кухненски рафт, идеи за дома" },
			{ "windows-1251", "Russian (one word among English)", "Best oak маленькой shelf" },
			{ "windows-1251", "Russian (one word, capital)", "Кухонная shelving ideas" },
			{ "windows-1253", "Greek", "Ξύλινο ράφι κουζίνας, ιδέες για το σπίτι" },
			{ "windows-1253", "Greek (short)", "Ξύλινο τραπέζι" },
			{ "windows-1253", "Greek (one word)", "Σαλόνι" },
			{ "windows-1254", "Turkish", "Güzel mutfak rafı, şık ve kullanışlı ağaç" },
			{ "windows-31j", "Japanese", "北欧風のリビング、キッチン収納のアイデア" },
			{ "windows-31j", "Japanese (NEC signs)", "キッチン収納①のアイデア ㈱アクメ" },
			{ "x-windows-949", "Korean", "주방 수납 아이디어" },
			{ "GB18030", "Chinese (simplified)", "北欧风格的客厅，厨房收纳创意" },
			{ "x-windows-950", "Chinese (traditional)", "北歐風格的客廳，廚房收納創意" },
			{ "GB18030", "Chinese (simplified, short)", "厨房收纳创意" },
			{ "x-windows-950", "Chinese (traditional, short)", "客廳裝飾" },
		};
		for (String[] sample : samples) {
			for (Shape shape : Shape.values()) {
				texts.add(Arguments.of(sample[0], sample[1], sample[2], shape));
			}
		}
		return texts.stream();
	}

	/** How much of the file is the language's text. */
	enum Shape {
		/** One row, one cell: a file the detector has a few words of. */
		ONE_CELL,
		/** The text in the first of three rows, the others plain ASCII. */
		AMONG_PLAIN_ROWS,
		/** Two hundred rows, each with the text. */
		LONG
	}

	@ParameterizedTest(name = "{1} ({0}), {3}")
	@MethodSource("texts")
	void eachCodePageIsReadBackAsWritten(String codePage, String language, String text, Shape shape)
			throws IOException {
		StringBuilder csv = new StringBuilder("title,board\n");
		int rows = shape == Shape.LONG ? 200 : shape == Shape.AMONG_PLAIN_ROWS ? 3 : 1;
		for (int row = 0; row < rows; row++) {
			boolean withText = shape != Shape.AMONG_PLAIN_ROWS || row == 0;
			csv.append('"').append(withText ? text : "plain pin " + row).append("\",Kitchen Ideas\n");
		}
		Path file = dir.resolve(language + ".csv");
		Files.write(file, csv.toString().getBytes(Charset.forName(codePage)));

		try (CsvRowSource source = CsvRowSource.open(file)) {
			assertThat(source.next().values().get(0)).isEqualTo(text);
			assertThat(source.notes()).singleElement().asString().contains("read as " + codePage);
		}
	}
}
