package org.neurograph.assets.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.AssetKind;
import org.neurograph.api.CancelledException;
import org.neurograph.api.Progress;
import org.neurograph.assets.Asset;
import org.neurograph.assets.AssetCatalog;
import org.neurograph.assets.DatasetImporter;
import org.neurograph.assets.DatasetImporter.Rejected;
import org.neurograph.assets.DatasetImporter.Report;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class DatasetImportTest {
	@TempDir
	Path project;
	@TempDir
	Path source;

	private final DatasetImporter importer = new DatasetImporter();

	private Path file(String relative, byte[] content) throws IOException {
		Path file = source.resolve(relative);
		Files.createDirectories(file.getParent());
		return Files.write(file, content);
	}

	private static Map<String, String> reasons(Report report) {
		Map<String, String> out = new LinkedHashMap<>();
		for (Rejected r : report.rejected()) {
			out.put(r.source().getFileName().toString(), r.reason());
		}
		return out;
	}

	private void assertProjectHoldsOnly(String... datasets) throws IOException {
		Path folder = project.resolve("datasets");
		if (!Files.exists(folder)) {
			assertEquals(0, datasets.length);
			return;
		}
		try (Stream<Path> entries = Files.list(folder)) {
			assertEquals(Arrays.asList(datasets), entries.map(p -> p.getFileName().toString()).sorted().toList(),
					"no half dataset and no hidden import folder is left behind");
		}
	}

	@Test
	void goodImagesAreCopiedAndEveryBadFileIsReportedWithItsReason() throws Exception {
		byte[] png = Fixtures.encode(Fixtures.noise(40, 30, 1), "png");
		byte[] jpeg = Fixtures.encode(Fixtures.noise(40, 30, 2), "jpg");
		byte[] gif = Fixtures.encode(Fixtures.noise(40, 30, 3), "gif");
		byte[] bmp = Fixtures.encode(Fixtures.noise(40, 30, 4), "bmp");
		file("a.png", png);
		file("b.JPG", jpeg);
		file("c.gif", gif);
		file("d.bmp", bmp);
		file("nested/deeper/e.jpeg", jpeg);
		file("truncated.png", Arrays.copyOf(png, png.length * 2 / 3));
		file("truncated.jpg", Arrays.copyOf(jpeg, jpeg.length * 2 / 3));
		file("truncated.gif", Arrays.copyOf(gif, gif.length * 2 / 3));
		file("truncated.bmp", Arrays.copyOf(bmp, bmp.length * 2 / 3));
		file("renamed.png", "I am a text file\n".getBytes(StandardCharsets.UTF_8));
		file("jpeg-inside.png", jpeg);
		file("zero.gif", new byte[0]);
		file("notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
		file(".DS_Store", new byte[] { 0, 0, 0, 1 });
		file(".thumbnails/x.png", png);
		Files.createSymbolicLink(source.resolve("dangling.png"), source.resolve("gone.png"));
		Path locked = file("locked.png", png);
		Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
		boolean lockedIsReadable = Files.isReadable(locked); // true when the tests run as root

		Fixtures.CountingProgress progress = new Fixtures.CountingProgress(Integer.MAX_VALUE);
		Report report = importer.importDataset(project, "faces", AssetKind.IMAGE_DATASET, List.of(source), progress);

		Path folder = project.resolve("datasets").resolve("faces");
		assertEquals("faces", report.name());
		assertEquals(folder, report.folder());
		Map<String, String> reasons = reasons(report);
		assertTrue(reasons.get("truncated.png").startsWith("damaged image"), reasons.toString());
		assertTrue(reasons.get("truncated.jpg").startsWith("damaged image"), reasons.toString());
		assertTrue(reasons.get("truncated.gif").startsWith("damaged image"), reasons.toString());
		assertTrue(reasons.get("truncated.bmp").startsWith("damaged image"), reasons.toString());
		assertTrue(reasons.get("renamed.png").startsWith("not an image: unsupported format"), reasons.toString());
		assertTrue(reasons.get("notes.txt").startsWith("not an image: unsupported format"), reasons.toString());
		assertEquals("wrong extension: the content is JPEG, not PNG", reasons.get("jpeg-inside.png"));
		assertEquals("empty file", reasons.get("zero.gif"));
		assertEquals("hidden file skipped", reasons.get(".DS_Store"));
		assertEquals("hidden folder skipped", reasons.get(".thumbnails"));
		assertTrue(reasons.get("dangling.png").startsWith("unreadable"), reasons.toString());
		if (lockedIsReadable) {
			assertFalse(reasons.containsKey("locked.png"), "as root, chmod 000 does not stop reading: the file is imported");
			assertArrayEquals(png, Files.readAllBytes(folder.resolve("locked.png")));
		} else {
			assertEquals("unreadable: permission denied", reasons.get("locked.png"));
		}
		int rejected = lockedIsReadable ? 11 : 12;
		assertEquals(rejected, reasons.size(), reasons.toString());
		for (Rejected r : report.rejected()) {
			assertTrue(r.source().startsWith(source), "reported by the path the user chose: " + r.source());
		}

		int expected = lockedIsReadable ? 6 : 5;
		assertEquals(expected, report.imported());
		assertArrayEquals(png, Files.readAllBytes(folder.resolve("a.png")));
		assertArrayEquals(jpeg, Files.readAllBytes(folder.resolve("b.JPG")));
		assertArrayEquals(gif, Files.readAllBytes(folder.resolve("c.gif")));
		assertArrayEquals(bmp, Files.readAllBytes(folder.resolve("d.bmp")));
		assertArrayEquals(jpeg, Files.readAllBytes(folder.resolve("nested/deeper/e.jpeg")));
		assertFalse(Files.exists(folder.resolve("renamed.png")));
		try (Stream<Path> files = Files.walk(folder)) {
			assertEquals(expected + 1, files.filter(Files::isRegularFile).count(), "the images and dataset.json, no more");
		}
		assertEquals(progress.total, progress.worked);

		JsonObject manifest = JsonParser.parseString(Files.readString(folder.resolve("dataset.json"))).getAsJsonObject();
		assertEquals("IMAGE_DATASET", manifest.get("kind").getAsString());
		assertEquals(expected, manifest.get("files").getAsInt());
		assertEquals(rejected, manifest.get("rejected").getAsInt());
		assertEquals(source.toString(), manifest.getAsJsonArray("sources").get(0).getAsString());
		assertTrue(Instant.parse(manifest.get("created").getAsString()).isAfter(Instant.now().minusSeconds(600)));
		assertProjectHoldsOnly("faces");

		Asset asset = new AssetCatalog(project).find(AssetKind.IMAGE_DATASET, "faces").orElseThrow();
		assertEquals(String.valueOf(expected), asset.metadata().get("files"));
	}

	@Test
	void anImportWithNothingUsableFailsAndLeavesNothing() throws Exception {
		file("readme.md", "# hi".getBytes(StandardCharsets.UTF_8));
		file("empty.png", new byte[0]);
		IOException e = assertThrows(IOException.class,
				() -> importer.importDataset(project, "faces", AssetKind.IMAGE_DATASET, List.of(source), Progress.none()));
		assertTrue(e.getMessage().startsWith("Nothing was imported into dataset 'faces'"), e.getMessage());
		assertTrue(e.getMessage().contains("readme.md: not an image") && e.getMessage().contains("empty.png: empty file"),
				e.getMessage());
		assertProjectHoldsOnly();

		Path emptyFolder = Files.createDirectory(project.resolve("empty"));
		IOException none = assertThrows(IOException.class,
				() -> importer.importDataset(project, "faces", AssetKind.IMAGE_DATASET, List.of(emptyFolder), Progress.none()));
		assertTrue(none.getMessage().contains("hold no files"), none.getMessage());
		assertProjectHoldsOnly();
	}

	@Test
	void aCancelledImportLeavesNoHalfDataset() throws Exception {
		for (int i = 0; i < 5; i++) {
			file("img" + i + ".png", Fixtures.png(i));
		}
		Fixtures.CountingProgress progress = new Fixtures.CountingProgress(2);
		assertThrows(CancelledException.class,
				() -> importer.importDataset(project, "faces", AssetKind.IMAGE_DATASET, List.of(source), progress));
		assertEquals(2, progress.worked);
		assertProjectHoldsOnly();
	}

	@Test
	void namesMustBeValidAndFree() throws Exception {
		file("a.png", Fixtures.png(1));
		importer.importDataset(project, "faces", AssetKind.IMAGE_DATASET, List.of(source.resolve("a.png")), Progress.none());
		for (String taken : List.of("faces", "FACES")) {
			IOException e = assertThrows(IOException.class, () -> importer.importDataset(project, taken,
					AssetKind.IMAGE_DATASET, List.of(source), Progress.none()));
			assertTrue(e.getMessage().contains("already exists"), e.getMessage());
		}
		for (String bad : List.of("", "../escape", "a/b", ".hidden", "x".repeat(200))) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> importer.importDataset(project,
					bad, AssetKind.IMAGE_DATASET, List.of(source), Progress.none()));
			assertTrue(e.getMessage().contains("not a valid dataset name"), e.getMessage());
		}
		IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
				() -> importer.importDataset(project, "m", AssetKind.MODEL, List.of(source), Progress.none()));
		assertTrue(kind.getMessage().contains("not a kind of dataset"), kind.getMessage());
		assertProjectHoldsOnly("faces");
	}

	@Test
	void aTextCorpusTakesUtf8TextsAndReportsLatin1() throws Exception {
		file("poems.txt", "Über allen Gipfeln ist Ruh\n".getBytes(StandardCharsets.UTF_8));
		file("fortunes/art", "A fortune.\n%\nAnother one.\n%\n".getBytes(StandardCharsets.UTF_8));
		file("latin1.txt", "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));
		file("binary", new byte[] { 'a', 'b', 0, 'c' });
		file("fortunes/art.dat", new byte[] { 0, 0, 0, 2, 0, 0, 0, 1 });
		Report report = importer.importDataset(project, "poems", AssetKind.TEXT_CORPUS, List.of(source), Progress.none());

		assertEquals(2, report.imported());
		Map<String, String> reasons = reasons(report);
		assertEquals("not UTF-8 text at byte 3", reasons.get("latin1.txt"));
		assertEquals("not text: a NUL byte at byte 2 (a binary file?)", reasons.get("binary"));
		assertTrue(reasons.get("art.dat").startsWith("not text: unsupported format (.dat"), reasons.toString());
		assertEquals(3, reasons.size());
		assertTrue(Files.isRegularFile(report.folder().resolve("fortunes/art")));
		assertEquals(AssetKind.TEXT_CORPUS, new AssetCatalog(project).kindOf(Path.of("datasets", "poems")).orElseThrow());
	}

	@Test
	void aTuneCollectionChecksAbcAndMidi() throws Exception {
		byte[] midi = { 'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 0, 0, 1, 0, 96, 'M', 'T', 'r', 'k', 0, 0, 0, 4, 0, (byte) 0xff,
				0x2f, 0 };
		file("reel.abc", "X:1\nT:The Reel\nK:D\n|:defg abag:|\n".getBytes(StandardCharsets.UTF_8));
		file("song.mid", midi);
		file("cut.midi", Arrays.copyOf(midi, midi.length - 2));
		file("notes.abc", "just some notes\n".getBytes(StandardCharsets.UTF_8));
		file("cover.png", Fixtures.png(1));
		Report report = importer.importDataset(project, "tunes", AssetKind.TUNE_COLLECTION, List.of(source),
				Progress.none());

		assertEquals(2, report.imported());
		Map<String, String> reasons = reasons(report);
		assertTrue(reasons.get("cut.midi").startsWith("damaged MIDI file"), reasons.toString());
		assertTrue(reasons.get("notes.abc").startsWith("not an ABC tune"), reasons.toString());
		assertTrue(reasons.get("cover.png").startsWith("not a tune: unsupported format"), reasons.toString());
		assertEquals(3, reasons.size());
	}

	/** An IDX image file (MNIST layout): magic 0x803, count, rows, columns, then the pixels. */
	private static byte[] idx(int magic, int count, int rows, int columns, int pixelBytes) {
		java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16 + pixelBytes);
		b.putInt(magic).putInt(count).putInt(rows).putInt(columns);
		for (int i = 0; i < pixelBytes; i++) {
			b.put((byte) (i * 7));
		}
		return b.array();
	}

	private static byte[] gzip(byte[] content) throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
			gz.write(content);
		}
		return out.toByteArray();
	}

	@Test
	void idxImageFilesJoinAnImageDatasetGzippedOrNotAndDamagedOnesAreNamed() throws Exception {
		byte[] images = idx(0x803, 3, 4, 5, 3 * 4 * 5);
		file("train-images-idx3-ubyte", images);
		file("t10k-images-idx3-ubyte.gz", gzip(images));
		file("train-labels-idx1-ubyte.gz", gzip(idx(0x801, 3, 0, 0, 0)));
		file("cut-images-idx3-ubyte.gz", gzip(Arrays.copyOf(images, images.length - 10)));
		file("long-images-idx3-ubyte", Arrays.copyOf(images, images.length + 4));
		file("header-idx3-ubyte", Arrays.copyOf(images, 9));
		file("broken-idx3-ubyte.gz", Arrays.copyOf(gzip(images), 12));
		file("text-idx3-ubyte", "not idx at all, just text".getBytes(StandardCharsets.UTF_8));
		file("cat.png", Fixtures.png(2));
		Report report = importer.importDataset(project, "digits", AssetKind.IMAGE_DATASET, List.of(source),
				Progress.none());

		assertEquals(3, report.imported(), report.toString());
		assertArrayEquals(images, Files.readAllBytes(report.folder().resolve("train-images-idx3-ubyte")));
		assertTrue(Files.isRegularFile(report.folder().resolve("t10k-images-idx3-ubyte.gz")));
		Map<String, String> reasons = reasons(report);
		assertTrue(reasons.get("train-labels-idx1-ubyte.gz").startsWith("an IDX label file, not images"), reasons.toString());
		assertTrue(reasons.get("cut-images-idx3-ubyte.gz").contains("ends too early"), reasons.toString());
		assertTrue(reasons.get("cut-images-idx3-ubyte.gz").contains("3 images of 4x5 pixels, 60 bytes, but 50 follow"),
				reasons.toString());
		assertEquals("damaged IDX file: 4 bytes more than the header's 3 images of 4x5 pixels",
				reasons.get("long-images-idx3-ubyte"));
		assertEquals("damaged IDX file: the file ends inside its header (truncated?)", reasons.get("header-idx3-ubyte"));
		assertTrue(reasons.get("broken-idx3-ubyte.gz").startsWith("damaged"), reasons.toString());
		assertTrue(reasons.get("text-idx3-ubyte").startsWith("not an IDX image file: it starts with 0x6e6f7420"),
				reasons.toString());
		assertEquals(6, reasons.size(), reasons.toString());
		assertEquals(AssetKind.IMAGE_DATASET, new AssetCatalog(project).kindOf(Path.of("datasets", "digits")).orElseThrow());
	}
}
