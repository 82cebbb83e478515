package org.neurograph.music;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Soundbank;

/**
 * SoundFonts for the synthesizer: SF2 files only. SF3 files (SoundFonts with compressed samples) are refused: Java's
 * synthesizer reads them without complaint but plays noise.
 */
public final class SoundFonts {
	private static final int HEADER = 12;
	private static final int INFO_LIMIT = 1 << 16;

	private SoundFonts() {
	}

	/**
	 * Checks that a file is an SF2 SoundFont.
	 *
	 * @throws MusicException with a message for the user if it is not, or if it is an SF3 SoundFont
	 */
	public static void check(Path file) throws IOException, MusicException {
		String name = file.getFileName().toString();
		if (name.toLowerCase(Locale.ROOT).endsWith(".sf3")) {
			throw sf3(name);
		}
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(INFO_LIMIT);
		}
		ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
		if (head.length < HEADER || !tag(head, 0).equals("RIFF") || !tag(head, 8).equals("sfbk")) {
			throw new MusicException("'" + name + "' is not a SoundFont: an SF2 file starts with a RIFF 'sfbk' header."
					+ " Choose an .sf2 file.");
		}
		if (majorVersion(b) >= 3) {
			throw sf3(name);
		}
	}

	/**
	 * Loads an SF2 SoundFont after {@link #check(Path) checking} it.
	 *
	 * @throws MusicException with a message for the user if it is not a usable SF2 file
	 */
	public static Soundbank load(Path file) throws IOException, MusicException {
		check(file);
		try {
			return MidiSystem.getSoundbank(file.toFile());
		} catch (InvalidMidiDataException | RuntimeException e) {
			throw new MusicException("The SoundFont '" + file.getFileName() + "' is damaged and cannot be loaded ("
					+ e.getMessage() + "). Choose another .sf2 file.", e);
		}
	}

	/** The SoundFont version in the {@code ifil} chunk of the {@code INFO} list; 2 if there is none. */
	private static int majorVersion(ByteBuffer b) {
		int pos = HEADER;
		while (pos + 12 <= b.limit()) {
			String id = tag(b.array(), pos);
			int size = b.getInt(pos + 4);
			if (id.equals("LIST") && tag(b.array(), pos + 8).equals("INFO")) {
				int end = Math.min(b.limit(), pos + 8 + size);
				for (int sub = pos + 12; sub + 8 <= end; sub += 8 + ((b.getInt(sub + 4) + 1) & ~1)) {
					int subSize = b.getInt(sub + 4);
					if (tag(b.array(), sub).equals("ifil") && subSize >= 4 && sub + 10 <= b.limit()) {
						return b.getShort(sub + 8) & 0xFFFF;
					}
					if (subSize < 0) {
						break;
					}
				}
				return 2;
			}
			if (size < 0) {
				break;
			}
			pos += 8 + ((size + 1) & ~1);
		}
		return 2;
	}

	private static String tag(byte[] bytes, int at) {
		return at + 4 <= bytes.length ? new String(bytes, at, 4, StandardCharsets.US_ASCII) : "";
	}

	private static MusicException sf3(String name) {
		return new MusicException("'" + name + "' is an SF3 SoundFont (compressed samples), which Java's synthesizer"
				+ " plays as noise. Choose an SF2 file, or convert this one to SF2 with a SoundFont editor such as Polyphone.");
	}
}
