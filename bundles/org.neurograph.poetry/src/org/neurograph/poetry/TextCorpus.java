package org.neurograph.poetry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.neurograph.assets.AssetCatalog;

/**
 * The text of a text-corpus asset: every file of a folder (or one file), read as strict UTF-8. Fortune-style files,
 * whose entries are separated by lines holding only {@code %}, become entries separated by a blank line; files are
 * separated by a blank line too. Carriage returns are dropped.
 *
 * @param text  the whole text
 * @param files the number of files read
 */
public record TextCorpus(String text, int files) {

	/** Reads {@code source} (a folder or a file); {@link IOException}s carry a message for the user. */
	public static TextCorpus read(Path source) throws IOException {
		List<Path> files;
		if (Files.isDirectory(source)) {
			try (Stream<Path> walk = Files.walk(source)) {
				files = walk.filter(Files::isRegularFile).filter(TextCorpus::isText).sorted().toList();
			}
		} else if (Files.isRegularFile(source)) {
			files = List.of(source);
		} else {
			throw new IOException("There is no text corpus at " + source + ".");
		}
		List<String> parts = new ArrayList<>();
		for (Path file : files) {
			String text = entries(decode(file));
			if (!text.isBlank()) {
				parts.add(text);
			}
		}
		String text = String.join("\n\n", parts);
		if (text.isBlank()) {
			throw new IOException("The corpus " + source.getFileName() + " holds no text"
					+ (files.isEmpty() ? " files" : " (" + files.size() + " empty files)")
					+ ". Import UTF-8 text files, folders of them or fortune files.");
		}
		return new TextCorpus(text, files.size());
	}

	private static boolean isText(Path file) {
		String name = file.getFileName().toString();
		return !name.startsWith(".") && !name.equals(AssetCatalog.DATASET_JSON) && !name.endsWith(".dat");
	}

	private static String decode(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			return decoder.decode(ByteBuffer.wrap(bytes)).toString().replace("\r", "");
		} catch (CharacterCodingException e) {
			throw new IOException("The file " + file.getFileName() + " is not UTF-8 text (" + firstBadByte(bytes)
					+ "). Convert it to UTF-8 (for example: iconv -f latin1 -t utf-8) or remove it from the corpus.");
		}
	}

	private static String firstBadByte(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
		decoder.decode(in, out, true);
		return String.format("byte 0x%02X at offset %d", bytes[in.position()] & 0xFF, in.position());
	}

	/** The entries of a fortune file joined by blank lines; any other text unchanged. */
	private static String entries(String text) {
		String[] lines = text.split("\n", -1);
		boolean fortune = false;
		for (String line : lines) {
			fortune |= line.equals("%");
		}
		if (!fortune) {
			return text.strip();
		}
		List<String> entries = new ArrayList<>();
		StringBuilder entry = new StringBuilder();
		for (String line : lines) {
			if (line.equals("%")) {
				addEntry(entries, entry);
			} else {
				entry.append(line).append('\n');
			}
		}
		addEntry(entries, entry);
		return String.join("\n\n", entries);
	}

	private static void addEntry(List<String> entries, StringBuilder entry) {
		String e = entry.toString().strip();
		if (!e.isEmpty()) {
			entries.add(e);
		}
		entry.setLength(0);
	}
}
