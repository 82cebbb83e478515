package org.neurograph.assets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.neurograph.api.Provenance;
import org.neurograph.assets.internal.Json;
import org.neurograph.assets.internal.PngChunks;
import org.neurograph.assets.internal.PngChunks.Chunk;

/**
 * {@link Provenance} inside PNG files: an iTXt chunk with the keyword {@value #KEYWORD} holding the record as UTF-8
 * JSON ({@link ProvenanceJson}). Embedding works at the byte level: the chunk goes just before IEND with a correct CRC,
 * an older provenance chunk is dropped, and every other byte (image data, other chunks) stays as it was.
 */
public final class PngProvenance {
	/** The iTXt keyword of the provenance chunk. */
	public static final String KEYWORD = "neurograph:provenance";

	private PngProvenance() {
	}

	/**
	 * A copy of {@code png} with {@code p} embedded.
	 *
	 * @throws IOException if {@code png} is not a well-formed PNG (the message says what is wrong)
	 */
	public static byte[] embed(byte[] png, Provenance p) throws IOException {
		List<Chunk> chunks = chunks(png, "Not a valid PNG");
		ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + 1024);
		out.write(png, 0, chunks.get(0).offset());
		for (Chunk chunk : chunks) {
			if (chunk.type().equals("IEND")) {
				out.writeBytes(PngChunks.build("iTXt", PngChunks.itxt(KEYWORD, ProvenanceJson.toJson(p))));
				out.write(png, chunk.offset(), png.length - chunk.offset());
			} else if (!isProvenance(png, chunk)) {
				out.write(png, chunk.offset(), chunk.end() - chunk.offset());
			}
		}
		return out.toByteArray();
	}

	/**
	 * The provenance embedded in {@code png}, if any.
	 *
	 * @throws IOException if {@code png} is not a well-formed PNG or its provenance is malformed
	 */
	public static Optional<Provenance> read(byte[] png) throws IOException {
		return read(png, "PNG data");
	}

	/**
	 * The provenance embedded in a PNG file, if any.
	 *
	 * @throws IOException if the file cannot be read, is not a well-formed PNG or its provenance is malformed; the
	 *                     message names the file
	 */
	public static Optional<Provenance> read(Path png) throws IOException {
		return read(Files.readAllBytes(png), "PNG file '" + png + "'");
	}

	private static Optional<Provenance> read(byte[] png, String what) throws IOException {
		for (Chunk chunk : chunks(png, "Not a valid " + what)) {
			if (isProvenance(png, chunk)) {
				try {
					return Optional.of(ProvenanceJson.parse(Json.parseObject(PngChunks.itxtText(PngChunks.data(png, chunk)))));
				} catch (IOException e) {
					throw new IOException("Malformed provenance in " + what + ": " + e.getMessage() + ".", e);
				}
			}
		}
		return Optional.empty();
	}

	private static List<Chunk> chunks(byte[] png, String failure) throws IOException {
		try {
			return PngChunks.parse(png);
		} catch (IOException e) {
			throw new IOException(failure + ": " + e.getMessage() + ".", e);
		}
	}

	private static boolean isProvenance(byte[] png, Chunk chunk) {
		return chunk.type().equals("iTXt") && PngChunks.keyword(PngChunks.data(png, chunk)).equals(KEYWORD);
	}
}
