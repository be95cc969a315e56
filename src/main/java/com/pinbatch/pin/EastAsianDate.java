package com.pinbatch.pin;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.pinbatch.text.FullWidth;

/**
 * Dates as Japanese, Chinese and Korean spreadsheets show them, and save them to CSV: {@code 2027年3月1日 9:30},
 * {@code 2027年3月1日(月) 午後9時30分}, {@code 2027年3月1日 星期一 下午9:30}, {@code 2027년 3월 1일 오후 9:30} and Korean
 * Excel's {@code 2027. 3. 1. 오후 9:30:00}; full-width digits as typed with a Japanese keyboard. The year comes first
 * in all of them, so they are never ambiguous. The time is handed on in the form the parser reads ({@code 9:30 PM}).
 */
final class EastAsianDate {

	/** Year, month and day, each followed by its sign (年月日, 년월일) or, in Korean Excel's form, by a dot. */
	private static final Pattern DATE = Pattern.compile(
			"(\\d{4}) ?(?:年|년|\\.) ?(\\d{1,2}) ?(?:月|월|\\.) ?(\\d{1,2})(?: ?(?:日|일|\\.))?");

	/** A weekday after the date: 月曜日, (月), 월요일, (월), 星期一, 周一, 週一. */
	private static final Pattern WEEKDAY = Pattern.compile(" ?(?:[(（][月火水木金土日월화수목금토일一二三四五六天曜요일星期周週]{1,3}[)）]"
			+ "|[月火水木金土日]曜日?|[월화수목금토일]요일|(?:星期|周|週)[一二三四五六日天])");

	/**
	 * Words for the part of the day before the time, what they mean on a 12-hour clock, and the hours each is said
	 * with. Spreadsheets write the first six at any hour; people also write Chinese 凌晨 (small hours), 早上 (morning),
	 * 中午 (noon), 傍晚 (dusk) and 晚上 (evening), and an hour outside a word's own (晚上12点: this midnight or the
	 * next?) is left unread rather than guessed.
	 */
	private static final List<Half> HALVES = List.of(new Half("午前", "AM", 0, 12), new Half("午後", "PM", 0, 12),
			new Half("上午", "AM", 0, 12), new Half("下午", "PM", 0, 12), new Half("오전", "AM", 0, 12),
			new Half("오후", "PM", 0, 12), new Half("凌晨", "AM", 0, 6), new Half("早上", "AM", 5, 11),
			new Half("中午", "PM", 12, 1), new Half("傍晚", "PM", 4, 7), new Half("晚上", "PM", 6, 11));

	/** A word for a part of the day; its hours run from {@code first} to {@code last}, round the clock's 12. */
	private record Half(String word, String meaning, int first, int last) {

		boolean saidAt(int hour) {
			return first <= last ? hour >= first && hour <= last : hour >= first || hour <= last;
		}
	}

	/** The signs after hours, minutes and seconds (時/时/点/시, 分/분, 秒/초). */
	private static final String[] UNITS = { "時时点點시", "分분", "秒초" };

	private EastAsianDate() {
	}

	/**
	 * The date, and what follows it as the parser reads a time (" 21:30", " 9:30 PM", "" for none); empty when the
	 * text is not such a date, or the time after it is not written as these calendars write one.
	 *
	 * @throws NoSuchDayException when the day is not in its month (2027年2月30日)
	 */
	static Optional<Found> find(String text) {
		String value = FullWidth.plain(text);
		Matcher date = DATE.matcher(value);
		if (!date.lookingAt() || !signed(date.group())) {
			return Optional.empty();
		}
		int year = Integer.parseInt(date.group(1));
		int month = Integer.parseInt(date.group(2));
		int dayOfMonth = Integer.parseInt(date.group(3));
		NoSuchDayException.refuseMissingDay(text, year, month, dayOfMonth);
		LocalDate day;
		try {
			day = LocalDate.of(year, month, dayOfMonth);
		}
		catch (DateTimeException noSuchDay) {
			return Optional.empty();
		}
		String rest = value.substring(date.end());
		Matcher weekday = WEEKDAY.matcher(rest);
		if (weekday.lookingAt()) {
			rest = rest.substring(weekday.end());
		}
		return time(rest.strip()).map(time -> new Found(day, time));
	}

	record Found(LocalDate date, String time) {
	}

	/** 年 and 月 (or 년 and 월) were written, or the dots of Korean Excel's form, with its spaces. */
	private static boolean signed(String date) {
		return date.indexOf('年') > 0 || date.indexOf('년') > 0 || date.indexOf(". ") > 0;
	}

	/** The time after the date, as the parser reads one after a date. */
	private static Optional<String> time(String written) {
		if (written.isEmpty()) {
			return Optional.of("");
		}
		String text = written;
		Half said = null;
		for (Half each : HALVES) {
			if (text.startsWith(each.word())) {
				said = each;
				text = text.substring(each.word().length()).strip();
				break;
			}
		}
		String half = said == null ? "" : " " + said.meaning();
		if (!hasUnit(text)) {
			return saidAtItsHour(said, text) ? Optional.of(" " + text + onTwelveHourClock(text, half))
					: Optional.empty();
		}
		// 9時30分15秒, 9時半, 9点, 9시 30분: the numbers before their signs, as hours, minutes and seconds
		String[] numbers = new String[UNITS.length];
		int at = 0;
		for (int part = 0; part < UNITS.length; part++) {
			at = skipSpaces(text, at);
			if (at == text.length()) {
				break;
			}
			int start = at;
			while (at < text.length() && at - start < 2 && Character.isDigit(text.charAt(at))) {
				at++;
			}
			String number = text.substring(start, at);
			if (number.isEmpty() && part == 1 && text.charAt(at) == '半') { // half past
				number = "30";
				at++;
			}
			if (number.isEmpty()) {
				return Optional.empty();
			}
			at = skipSpaces(text, at);
			if (at < text.length() && UNITS[part].indexOf(text.charAt(at)) >= 0) {
				at++;
			}
			else if (part == 0 || at < text.length()) {
				return Optional.empty(); // only the last number may go without its sign (9時30)
			}
			numbers[part] = number.length() == 1 && part > 0 ? "0" + number : number;
		}
		if (at < text.length()) {
			return Optional.empty();
		}
		String clock = numbers[0] + ":" + (numbers[1] == null ? "00" : numbers[1])
				+ (numbers[2] == null ? "" : ":" + numbers[2]);
		return saidAtItsHour(said, clock) ? Optional.of(" " + clock + onTwelveHourClock(clock, half))
				: Optional.empty();
	}

	/** No word for the part of the day, or the hour the time begins with is one that word is said with. */
	private static boolean saidAtItsHour(Half said, String clock) {
		if (said == null) {
			return true;
		}
		int digits = 0;
		while (digits < clock.length() && digits < 2 && Character.isDigit(clock.charAt(digits))) {
			digits++;
		}
		return digits > 0 && said.saidAt(Integer.parseInt(clock.substring(0, digits)));
	}

	/** 午前0時 is midnight as these calendars write it; a 12-hour clock has no hour 0, so the morning is left unsaid. */
	private static String onTwelveHourClock(String clock, String half) {
		boolean hourZero = clock.startsWith("0:") || clock.startsWith("00:");
		return half.equals(" AM") && hourZero ? "" : half;
	}

	private static boolean hasUnit(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '半' || UNITS[0].indexOf(c) >= 0 || UNITS[1].indexOf(c) >= 0 || UNITS[2].indexOf(c) >= 0) {
				return true;
			}
		}
		return false;
	}

	private static int skipSpaces(String text, int at) {
		int next = at;
		while (next < text.length() && text.charAt(next) == ' ') {
			next++;
		}
		return next;
	}
}
