package org.neurograph.music.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.neurograph.music.MusicException;
import org.neurograph.music.SoundFonts;

/**
 * The SoundFont playback uses: the system's General MIDI SoundFont when one is installed (Debian's
 * {@code default-GM.sf2} alternative, TimGM6mb, FluidR3), else Java's built-in instruments.
 */
final class SoundBanks {
	private static final List<String> CANDIDATES = List.of("/usr/share/sounds/sf2/default-GM.sf2",
			"/usr/share/sounds/sf2/TimGM6mb.sf2", "/usr/share/sounds/sf2/FluidR3_GM.sf2",
			"/usr/share/soundfonts/default.sf2", "/usr/share/soundfonts/FluidR3_GM.sf2");
	private static volatile Path found;
	private static volatile boolean searched;

	private SoundBanks() {
	}

	/** The first usable system SF2 SoundFont, or {@code null} for Java's default instruments. */
	static Path systemSoundFont() {
		if (!searched) {
			Path result = null;
			for (String candidate : CANDIDATES) {
				Path p = Path.of(candidate);
				try {
					if (Files.isRegularFile(p)) {
						SoundFonts.check(p);
						result = p.toRealPath();
						break;
					}
				} catch (IOException | MusicException e) {
					// an SF3 or damaged file: try the next one
				}
			}
			found = result;
			searched = true;
		}
		return found;
	}
}
