package org.neurograph.music;

import java.util.List;

/**
 * The tunes of an ABC collection that could be read, and one error for each tune that could not.
 *
 * @param tunes  the tunes read, in order
 * @param errors the tunes skipped, each with where and why
 */
public record TuneBook(List<Tune> tunes, List<AbcSyntaxException> errors) {
	public TuneBook {
		tunes = List.copyOf(tunes);
		errors = List.copyOf(errors);
	}
}
