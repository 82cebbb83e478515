package org.neurograph.assets.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks tunes: ABC files must be UTF-8 text with at least one {@code X:} (reference number) line; MIDI files must
 * have an {@code MThd} header and as many complete {@code MTrk} chunks as the header announces.
 */
final class TuneCheck {

	private TuneCheck() {
	}

	static boolean accepts(String extension) {
		return extension.equals("abc") || extension.equals("mid") || extension.equals("midi");
	}

	/** Why {@code file} is not a usable tune file, or empty if it is one. */
	static Optional<String> problem(Path file, String extension) throws IOException {
		return switch (extension) {
		case "abc" -> abcProblem(file);
		case "mid", "midi" -> midiProblem(file);
		default -> Optional.of("not a tune: unsupported format (" + (extension.isEmpty() ? "no extension" : "." + extension)
				+ "; expected .abc, .mid or .midi)");
		};
	}

	private static Optional<String> abcProblem(Path file) throws IOException {
		Optional<String> notText = TextCheck.utf8Problem(file);
		if (notText.isPresent()) {
			return notText;
		}
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return reader.lines().anyMatch(line -> line.startsWith("X:")) ? Optional.empty()
					: Optional.of("not an ABC tune: no 'X:' line starts a tune");
		}
	}

	private static Optional<String> midiProblem(Path file) throws IOException {
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
			if (!new String(in.readNBytes(4), StandardCharsets.ISO_8859_1).equals("MThd")) {
				return Optional.of("not a MIDI file: no MThd header");
			}
			int headerLength = in.readInt();
			if (headerLength < 6) {
				return Optional.of("damaged MIDI file: header too short");
			}
			in.skipNBytes(2);
			int tracks = in.readUnsignedShort();
			in.skipNBytes(headerLength - 4L);
			for (int found = 0; found < tracks;) {
				String type = new String(in.readNBytes(4), StandardCharsets.ISO_8859_1);
				in.skipNBytes(in.readInt() & 0xffffffffL);
				if (type.equals("MTrk")) {
					found++;
				}
			}
			return Optional.empty();
		} catch (EOFException e) {
			return Optional.of("damaged MIDI file: the file ends too early (truncated?)");
		}
	}
}
