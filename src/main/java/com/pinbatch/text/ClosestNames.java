package com.pinbatch.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * "Did you mean" suggestions: the known names within a small edit distance of what the user typed (board names,
 * column headers).
 */
public final class ClosestNames {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private ClosestNames() {
	}

	/** Case, surrounding spaces and runs of inner spaces do not count as differences. */
	public static String normalize(String name) {
		return name == null ? "" : WHITESPACE.matcher(name.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
	}

	/** Up to {@code max} names close to {@code wanted}, closest first. */
	public static List<String> to(String wanted, Collection<String> names, int max) {
		String target = normalize(wanted);
		// roughly one typo per three characters, and at least two, still reads as "the same name"; in a name of four
		// letters or fewer, two are half of it ("Name" is not "Date")
		int tolerance = target.length() <= 4 ? 1 : Math.max(2, target.length() / 3);
		record Candidate(String name, int distance) {
		}
		return names.stream()
			.filter(Objects::nonNull)
			.distinct()
			.map(name -> new Candidate(name, distance(target, normalize(name))))
			.filter(candidate -> candidate.distance() <= tolerance || contains(candidate.name(), target))
			.sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
			.limit(max)
			.map(Candidate::name)
			.toList();
	}

	/** "Kitchen" for "Kitchen Ideas": a prefix or part of the name is a likely meant name too. */
	private static boolean contains(String name, String target) {
		String normalized = normalize(name);
		return target.length() >= 3 && (normalized.contains(target) || target.contains(normalized));
	}

	/** Levenshtein distance, two rows. */
	public static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/** 'A', 'B' or 'C' */
	public static String quotedAlternatives(List<String> names) {
		if (names.size() == 1) {
			return quote(names.get(0));
		}
		List<String> quoted = names.stream().map(ClosestNames::quote).toList();
		return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
	}

	public static String quote(String name) {
		return "'" + name + "'";
	}
}
