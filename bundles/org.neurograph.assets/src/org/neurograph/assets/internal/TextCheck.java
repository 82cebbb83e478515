package org.neurograph.assets.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a file is UTF-8 text: every byte sequence decodes and there are no NUL bytes (which mark binary
 * files). Reads in blocks, so corpora of any size are fine.
 */
final class TextCheck {
	/** {@code txt}, {@code u8} (fortune's UTF-8 files) and no extension at all (fortune files, READMEs, ...). */
	private static final Set<String> EXTENSIONS = Set.of("txt", "u8", "");

	private TextCheck() {
	}

	static boolean accepts(String extension) {
		return EXTENSIONS.contains(extension);
	}

	/** Why {@code file} is not a text for a corpus, or empty if it is one. */
	static Optional<String> problem(Path file, String extension) throws IOException {
		if (!accepts(extension)) {
			return Optional.of("not text: unsupported format (." + extension + "; expected .txt, .u8 or no extension)");
		}
		return utf8Problem(file);
	}

	/** Where {@code file} stops being UTF-8 text, or empty if it is UTF-8 text throughout. */
	static Optional<String> utf8Problem(Path file) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.allocate(1 << 16);
		CharBuffer out = CharBuffer.allocate(1 << 16);
		long base = 0; // the file offset of in[0]
		try (SeekableByteChannel channel = Files.newByteChannel(file)) {
			boolean end = false;
			while (!end) {
				end = channel.read(in) < 0;
				in.flip();
				CoderResult result;
				do {
					out.clear();
					result = decoder.decode(in, out, end);
				} while (result.isOverflow());
				if (result.isError()) {
					return Optional.of("not UTF-8 text at byte " + (base + in.position()));
				}
				for (int i = 0; i < in.position(); i++) {
					if (in.get(i) == 0) {
						return Optional.of("not text: a NUL byte at byte " + (base + i) + " (a binary file?)");
					}
				}
				base += in.position();
				in.compact();
			}
		}
		return Optional.empty();
	}
}
