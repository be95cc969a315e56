package com.pinbatch.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Short pin titles made of words of a dozen Western languages at random (a team's sheet mixes them, and a title has
 * a handful of words: what the detector has least to go on), saved in each Western code page users' programs
 * write, and read back. Windows-1252, Excel's own, must always come back as written; Mac Roman and DOS 850 share
 * most of their letters' places, so a few titles of one or two accented words stay a coin toss between them. The
 * seed makes every run the same; the figures are printed (at b70369d, before the code-page rules of 2026-12-06:
 * 398 of 400, 240 of 345 and 155 of 178).
 */
class CodePageRandomTextsTests {

	private static final String[] WORDS = ("Très belle pièce crème brûlée à la française Œufs brouillés Noël été "
			+ "garçon où déjà Año nuevo piñata niños cocina habitación señal García Qué mañana Schöne Küche für "
			+ "Müller Größe überprüfen Straße Informações opções decoração não são irmã Più città perché così "
			+ "Coöperatie ideeën Kök hylla små våren Køkken hylde æblehaven kitchen shelving oak small desk studio "
			+ "ideas best tiles budget storage the and for our with Don’t it’s we’re “Best” ‘Mon–Fri’ kitchen—and "
			+ "10–20 café naïve façade résumé Dušan Škoda cœur sœur").split(" ");

	/** Central and Eastern European words beside English ones, as a team's titles mix them. */
	private static final String[] EASTERN_WORDS = ("Dětský pokoj Kuchyně stůl Dřevěná police Jídelní Łódź Wrocław "
			+ "żółta półka Łazienka Regał Spálňa krásny stôl čaša šećer đak bucătărie idei şi soluţii Fürdőszoba "
			+ "ötletek őszi kert Кухонная полка дуба маленькой кухни Спальня Детская комната Σαλόνι Ξύλινο "
			+ "τραπέζι Κουζίνα ιδέες kitchen shelving oak small desk studio ideas best budget the and for our with")
		.split(" ");

	private static final int TITLES = 400;

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0}: at least {1} of the titles read back as written")
	@CsvSource({ "windows-1252, 1.0", "x-MacRoman, 0.94", "IBM850, 0.96" })
	void randomTitlesReadBackAsWritten(String codePage, double atLeast) throws IOException {
		readBack(codePage, WORDS, atLeast);
	}

	/**
	 * The same for Excel's Central European, Cyrillic and Greek code pages, each title the words the code page has
	 * letters for: a Czech or Polish word alone among English ones is what the rules have least to go on, and a few
	 * of those stay Western (at b70369d: 63 of 103, 9 of 17 and 7 of 11).
	 */
	@ParameterizedTest(name = "{0}: at least {1} of the titles read back as written")
	@CsvSource({ "windows-1250, 0.84", "windows-1251, 0.94", "windows-1253, 0.94" })
	void randomEasternTitlesReadBackAsWritten(String codePage, double atLeast) throws IOException {
		readBack(codePage, EASTERN_WORDS, atLeast);
	}

	private void readBack(String codePage, String[] words, double atLeast) throws IOException {
		Charset charset = Charset.forName(codePage);
		Random random = new Random(42);
		int written = 0;
		List<String> misread = new ArrayList<>();
		for (int i = 0; i < TITLES; i++) {
			String title = title(random, words);
			if (!charset.newEncoder().canEncode(title)) {
				continue; // a word the code page has no letters for (Œ in DOS 850): not a file anyone could save
			}
			written++;
			Path file = dir.resolve(i + ".csv");
			Files.write(file, ("title,board\n\"" + title + "\",Kitchen Ideas\n").getBytes(charset));
			try (CsvRowSource source = CsvRowSource.open(file)) {
				String read = source.next().values().get(0);
				if (!read.equals(title)) {
					misread.add(title + " -> " + read);
				}
			}
			catch (InputFileException refused) {
				misread.add(title + " -> refused: " + refused.getMessage());
			}
		}
		System.out.printf("%-12s %d of %d titles read back as written%n", codePage, written - misread.size(), written);
		misread.forEach(line -> System.out.println("    " + line));
		assertThat(written - misread.size()).as("%s: titles read back of %d, misread: %s", codePage, written, misread)
			.isGreaterThanOrEqualTo((int) Math.ceil(written * atLeast));
	}

	private static String title(Random random, String[] words) {
		StringBuilder title = new StringBuilder();
		int count = 2 + random.nextInt(8);
		for (int word = 0; word < count; word++) {
			title.append(word == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
		}
		return title.toString();
	}
}
