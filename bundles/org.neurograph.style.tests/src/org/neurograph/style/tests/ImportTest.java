package org.neurograph.style.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.Progress;
import org.neurograph.runtime.onnx.OnnxRuntime;
import org.neurograph.style.StyleModel;
import org.neurograph.style.StyleModelException;
import org.neurograph.style.StyleModelImporter;
import org.neurograph.style.StyleOptions;
import org.neurograph.style.Stylizer;

/** Importing style models: ONNX files built here, checkpoints, and the refusals of bad models. */
class ImportTest {

	@TempDir
	Path project;

	@TempDir
	Path sources;

	@Test
	void anOnnxModelWithAFixedInputSizeRunsOnALargerImageInTiles() throws Exception {
		Path folder = importer().importModel(TestModels.invert(sources, 64), project, "invert");
		StyleModel model = StyleModel.open(Services.get(OnnxRuntime.class), folder);
		assertEquals(64, model.fixedWidth());
		BufferedImage input = TestModels.gradient(150, 101);
		Stylizer stylizer = new Stylizer(model);
		StyleOptions options = StyleOptions.DEFAULT.withTiles(64, 16);
		assertTrue(stylizer.tileCount(150, 101, options) > 4);

		BufferedImage output = stylizer.apply(input, options, Progress.none());

		for (int y = 0; y < 101; y++) {
			for (int x = 0; x < 150; x++) {
				assertEquals(0xffffff & ~input.getRGB(x, y), 0xffffff & output.getRGB(x, y), "pixel " + x + "," + y);
			}
		}
	}

	@Test
	void anOnnxModelOfAnySizeRunsOnAnImageWhoseSidesAreNotMultiplesOfFour() throws Exception {
		Path folder = importer().importModel(TestModels.invert(sources, 0), project, "invert any");
		BufferedImage input = TestModels.gradient(37, 23);
		BufferedImage output = new Stylizer(StyleModel.open(Services.get(OnnxRuntime.class), folder)).apply(input,
				StyleOptions.DEFAULT, Progress.none());
		assertEquals(37, output.getWidth());
		assertEquals(23, output.getHeight());
		assertEquals(0xffffff & ~input.getRGB(36, 22), 0xffffff & output.getRGB(36, 22));
	}

	@Test
	void aModelWithTheWrongInputIsRefused() throws Exception {
		assertRefused(TestModels.greyInput(sources), "1 x 3 x height x width");
	}

	@Test
	void aModelWithTwoInputsIsRefused() throws Exception {
		assertRefused(TestModels.twoInputs(sources), "2 input(s)");
	}

	@Test
	void aModelThatChangesTheImageSizeIsRefused() throws Exception {
		assertRefused(TestModels.halving(sources), "returns an image of the size it is given");
	}

	@Test
	void aCorruptOnnxFileIsRefused() throws Exception {
		byte[] junk = new byte[4096];
		new Random(7).nextBytes(junk);
		Path file = Files.write(sources.resolve("corrupt.onnx"), junk);
		StyleModelException e = assertRefused(file, "");
		assertTrue(e.getMessage().contains("corrupt.onnx"), e.getMessage());
	}

	@Test
	void aFileThatIsNeitherOnnxNorACheckpointIsRefused() throws Exception {
		Path file = Files.writeString(sources.resolve("notes.txt"), "hello");
		assertRefused(file, "neither an .onnx file nor a checkpoint folder");
	}

	@Test
	void aCheckpointWithAMissingVariableIsRefused() throws Exception {
		Path checkpoint = copyCheckpoint();
		String manifest = Files.readString(checkpoint.resolve("manifest.json"));
		Files.writeString(checkpoint.resolve("manifest.json"), manifest.replace("\"Variable_7\"", "\"Unused_7\""));
		assertRefused(checkpoint, "missing the variable 'Variable_7'");
	}

	@Test
	void aCheckpointWithAMissingFileIsRefused() throws Exception {
		Path checkpoint = copyCheckpoint();
		Files.delete(checkpoint.resolve("Variable_12"));
		assertRefused(checkpoint, "'Variable_12' (variable 'Variable_12') is missing");
	}

	@Test
	void aCheckpointWithATruncatedFileIsRefused() throws Exception {
		Path checkpoint = copyCheckpoint();
		Files.write(checkpoint.resolve("Variable_45"), new byte[100]);
		assertRefused(checkpoint, "holds 100 bytes");
	}

	@Test
	void aCheckpointWithAWrongShapeIsRefused() throws Exception {
		Path checkpoint = copyCheckpoint();
		String manifest = Files.readString(checkpoint.resolve("manifest.json"));
		int at = manifest.indexOf("\"Variable_1\"");
		String changed = manifest.substring(0, at) + manifest.substring(at).replaceFirst("32", "31");
		Files.writeString(checkpoint.resolve("manifest.json"), changed);
		assertRefused(checkpoint, "has shape [31]");
	}

	@Test
	void aCheckpointWithNaNWeightsIsRefused() throws Exception {
		Path checkpoint = copyCheckpoint();
		byte[] nan = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, Float.NaN).array();
		Files.write(checkpoint.resolve("Variable_1"), nan);
		assertRefused(checkpoint, "NaN");
	}

	@Test
	void aFolderWithoutManifestIsRefused() throws Exception {
		Path empty = Files.createDirectories(sources.resolve("empty"));
		assertRefused(empty, "has no manifest.json");
	}

	@Test
	void aTakenNameIsRefused() throws Exception {
		importer().importModel(TestModels.invert(sources, 0), project, "taken");
		StyleModelException e = assertThrows(StyleModelException.class,
				() -> importer().importModel(TestModels.invert(sources, 0), project, "taken"));
		assertTrue(e.getMessage().contains("already has a model called 'taken'"), e.getMessage());
	}

	private StyleModelException assertRefused(Path source, String expected) throws Exception {
		StyleModelException e = assertThrows(StyleModelException.class,
				() -> importer().importModel(source, project, "refused"));
		assertTrue(e.getMessage().contains(expected), e.getMessage());
		assertTrue(e.getMessage().length() < 600, "a message, not a dump: " + e.getMessage());
		Path models = project.resolve("models");
		if (Files.exists(models)) {
			try (Stream<Path> left = Files.list(models)) {
				assertEquals(0, left.count(), "a refused import leaves nothing behind");
			}
		}
		return e;
	}

	private Path copyCheckpoint() throws IOException {
		Path source = SharedData.get("style-models/mathura");
		Path copy = Files.createDirectories(sources.resolve("checkpoint"));
		try (Stream<Path> files = Files.list(source)) {
			for (Path f : files.toList()) {
				Files.copy(f, copy.resolve(f.getFileName()));
			}
		}
		for (Path f : Files.newDirectoryStream(copy)) {
			f.toFile().setWritable(true);
		}
		return copy;
	}

	private static StyleModelImporter importer() throws InterruptedException {
		return Services.get(StyleModelImporter.class);
	}
}
