package org.neurograph.music;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The tunes of a tune-collection asset: every {@code .abc} file of a folder (every tune in it) and every
 * {@code .mid}/{@code .midi} file, converted as it is read ({@link MidiImport}: the highest voice of all tracks on
 * the default grid). Tunes that cannot be read are listed in {@link #skipped()} with the file and the reason.
 *
 * @param tunes   the tunes read, in file order
 * @param skipped one message per tune or file left out
 * @param files   the number of tune files found
 */
public record TuneCollection(List<Tune> tunes, List<String> skipped, int files) {

	public TuneCollection {
		tunes = List.copyOf(tunes);
		skipped = List.copyOf(skipped);
	}

	/** Reads {@code source} (a folder or one file); {@link IOException}s carry a message for the user. */
	public static TuneCollection read(Path source) throws IOException {
		List<Path> files;
		if (Files.isDirectory(source)) {
			try (Stream<Path> walk = Files.walk(source)) {
				files = walk.filter(Files::isRegularFile).filter(TuneCollection::isTuneFile).sorted().toList();
			}
		} else if (Files.isRegularFile(source)) {
			files = List.of(source);
		} else {
			throw new IOException("There is no tune collection at " + source + ".");
		}
		List<Tune> tunes = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		for (Path file : files) {
			String name = file.getFileName().toString();
			if (name.toLowerCase(Locale.ROOT).endsWith(".abc")) {
				TuneBook book = AbcReader.readBook(file);
				tunes.addAll(book.tunes());
				book.errors().forEach(e -> skipped.add(name + ": " + e.getMessage()));
			} else {
				try {
					tunes.add(MidiImport.read(file, MidiImport.ALL_TRACKS, MidiImport.DEFAULT_GRID));
				} catch (MusicException e) {
					skipped.add(name + ": " + e.getMessage());
				}
			}
		}
		if (tunes.isEmpty()) {
			throw new IOException("The tune collection " + source.getFileName() + " holds no tunes that can be read"
					+ (files.isEmpty() ? ": it has no .abc, .mid or .midi files." : " (" + files.size() + " files"
							+ (skipped.isEmpty() ? "" : "; first problem: " + skipped.get(0)) + ")."));
		}
		return new TuneCollection(tunes, skipped, files.size());
	}

	private static boolean isTuneFile(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return !name.startsWith(".") && (name.endsWith(".abc") || name.endsWith(".mid") || name.endsWith(".midi"));
	}
}
