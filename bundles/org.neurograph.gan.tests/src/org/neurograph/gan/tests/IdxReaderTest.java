package org.neurograph.gan.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.gan.internal.IdxReader;
import org.neurograph.gan.internal.IdxReader.IdxImages;

class IdxReaderTest {
	@TempDir
	Path dir;

	/** Image i, pixel p has value (i * 7 + p) mod 256. */
	static void writeIdx(Path file, int count, int rows, int cols, boolean gzip) throws IOException {
		try (OutputStream raw = Files.newOutputStream(file);
				DataOutputStream out = new DataOutputStream(gzip ? new GZIPOutputStream(raw) : raw)) {
			out.writeInt(0x00000803);
			out.writeInt(count);
			out.writeInt(rows);
			out.writeInt(cols);
			for (int i = 0; i < count; i++) {
				for (int p = 0; p < rows * cols; p++) {
					out.write((i * 7 + p) & 0xff);
				}
			}
		}
	}

	private static void assertPixels(IdxImages images, int count, int rows, int cols) {
		assertEquals(rows, images.rows());
		assertEquals(cols, images.columns());
		assertEquals(count, images.pixels().length);
		for (int i = 0; i < count; i++) {
			byte[] expected = new byte[rows * cols];
			for (int p = 0; p < expected.length; p++) {
				expected[p] = (byte) (i * 7 + p);
			}
			assertArrayEquals(expected, images.pixels()[i], "image " + i);
		}
	}

	@Test
	void readsPlainFiles() throws IOException {
		Path f = dir.resolve("train-images-idx3-ubyte");
		writeIdx(f, 5, 28, 28, false);
		assertTrue(IdxReader.isIdxImageFile(f));
		assertPixels(IdxReader.read(f, 100), 5, 28, 28);
	}

	@Test
	void readsGzippedFilesWhateverTheirName() throws IOException {
		Path f = dir.resolve("t10k-images-idx3-ubyte.gz");
		writeIdx(f, 4, 6, 9, true);
		assertPixels(IdxReader.read(f, 100), 4, 6, 9);
		Path renamed = Files.move(f, dir.resolve("images.idx3"));
		assertPixels(IdxReader.read(renamed, 100), 4, 6, 9);
	}

	@Test
	void readsAtMostTheLimit() throws IOException {
		Path f = dir.resolve("a-idx3-ubyte");
		writeIdx(f, 10, 3, 3, false);
		assertEquals(3, IdxReader.read(f, 3).pixels().length);
	}

	@Test
	void refusesLabelFilesAndTruncatedFiles() throws IOException {
		Path labels = dir.resolve("train-labels-idx1-ubyte");
		try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(labels))) {
			out.writeInt(0x00000801);
			out.writeInt(2);
			out.write(new byte[] { 1, 2 });
		}
		IOException e = assertThrows(IOException.class, () -> IdxReader.read(labels, 10));
		assertTrue(e.getMessage().contains("not an IDX image file"), e.getMessage());

		Path f = dir.resolve("cut-idx3-ubyte");
		writeIdx(f, 3, 4, 4, false);
		byte[] all = Files.readAllBytes(f);
		Files.write(f, java.util.Arrays.copyOf(all, all.length - 5));
		e = assertThrows(IOException.class, () -> IdxReader.read(f, 10));
		assertTrue(e.getMessage().contains("ends early"), e.getMessage());
	}
}
