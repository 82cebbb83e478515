package org.neurograph.music.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands the play order of a header {@code P:} field: letters name parts, a number repeats the part or the
 * parenthesised group before it ({@code A2B} is {@code AAB}, {@code (AB)2C} is {@code ABABC}); dots and spaces
 * separate. Anything else ends the order.
 */
final class PartOrder {
	private static final int MAX_PARTS = 1000;

	private final String text;
	private int pos;

	private PartOrder(String text) {
		this.text = text;
	}

	/** The parts in play order; empty if the text is not a play order. */
	static List<Character> expand(String order) {
		List<Character> parts = new PartOrder(order).sequence();
		return parts.size() > MAX_PARTS ? parts.subList(0, MAX_PARTS) : parts;
	}

	private List<Character> sequence() {
		List<Character> out = new ArrayList<>();
		while (pos < text.length() && out.size() <= MAX_PARTS) {
			char c = text.charAt(pos);
			List<Character> item;
			if (c == '.' || c == ' ') {
				pos++;
				continue;
			} else if (Character.isLetter(c)) {
				pos++;
				item = List.of(c);
			} else if (c == '(') {
				pos++;
				item = sequence();
				if (pos < text.length() && text.charAt(pos) == ')') {
					pos++;
				}
			} else {
				break;
			}
			int times = count();
			for (int k = 0; k < times && out.size() <= MAX_PARTS; k++) {
				out.addAll(item);
			}
		}
		return out;
	}

	private int count() {
		int start = pos;
		while (pos < text.length() && Character.isDigit(text.charAt(pos)) && pos - start < 3) {
			pos++;
		}
		return start == pos ? 1 : Integer.parseInt(text.substring(start, pos));
	}
}
