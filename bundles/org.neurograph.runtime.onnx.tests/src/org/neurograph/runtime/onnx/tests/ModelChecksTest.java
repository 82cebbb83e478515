package org.neurograph.runtime.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.runtime.onnx.InvalidModelException;
import org.neurograph.runtime.onnx.OnnxPreferences;
import org.neurograph.runtime.onnx.OnnxRuntime;

/** Every refusal names the file and says what was wrong. */
class ModelChecksTest {

	@TempDir
	Path dir;
	private OnnxService service;
	private OnnxRuntime runtime;
	private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(OnnxPreferences.QUALIFIER);

	@BeforeEach
	void track() throws Exception {
		service = new OnnxService();
		runtime = service.get();
	}

	@AfterEach
	void release() throws Exception {
		service.close();
		preferences.clear();
	}

	private void assertRefused(Path file, String... expected) {
		InvalidModelException e = assertThrows(InvalidModelException.class, () -> runtime.load(file));
		String message = e.getMessage();
		assertTrue(message.startsWith("Cannot load the ONNX model " + file + ": "), message);
		for (String part : expected) {
			assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
		}
	}

	@Test
	void refusesAnEmptyFile() throws Exception {
		assertRefused(Files.write(dir.resolve("empty.onnx"), new byte[0]), "it is empty (0 bytes)");
	}

	@Test
	void refusesATruncatedModel() throws Exception {
		byte[] model = LinearModels.linearRelu();
		Path file = Files.write(dir.resolve("truncated.onnx"), Arrays.copyOf(model, model.length / 2));
		assertRefused(file, "it is not a valid ONNX model", "damaged or truncated", "runs past the end");
	}

	@Test
	void refusesRandomBytes() throws Exception {
		byte[] noise = new byte[4096];
		new Random(42).nextBytes(noise);
		assertRefused(Files.write(dir.resolve("noise.onnx"), noise), "it is not a valid ONNX model");
	}

	@Test
	void refusesAWellFormedProtobufThatIsNoModel() throws Exception {
		byte[] notAModel = { 0x08, 0x07, 0x12, 0x03, 'a', 'b', 'c' }; // ir_version 7, producer "abc", no graph
		assertRefused(Files.write(dir.resolve("nograph.onnx"), notAModel), "it is not an ONNX model: it has no graph");
	}

	@Test
	void refusesMissingFilesAndFolders() throws Exception {
		assertRefused(dir.resolve("missing.onnx"), "there is no such file");
		assertRefused(Files.createDirectory(dir.resolve("folder.onnx")), "it is not a regular file");
	}

	@Test
	void refusesAFileLargerThanThePreferenceAllows() throws Exception {
		preferences.putInt(OnnxPreferences.MAX_MODEL_MEGABYTES, 1);
		Path big = Files.write(dir.resolve("big.onnx"), new byte[3 << 20]);
		assertRefused(big, "it is 3 MB, more than the limit of 1 MB", "'maxModelMegabytes'");
	}

	@Test
	void refusesExternalDataOutsideTheModelsFolder() throws Exception {
		Path models = Files.createDirectories(dir.resolve("models"));
		Files.write(dir.resolve("outside.bin"), LinearModels.weightBytes());

		Path parent = Files.write(models.resolve("parent.onnx"), LinearModels.linearReluExternal("../outside.bin"));
		assertRefused(parent, "its tensor 'W' refers to external data '../outside.bin'", "leaves the model's folder");

		Path hidden = Files.write(models.resolve("hidden.onnx"), LinearModels.linearReluExternal("sub/../../outside.bin"));
		assertRefused(hidden, "leaves the model's folder");

		Path absolute = Files.write(models.resolve("absolute.onnx"),
				LinearModels.linearReluExternal(dir.resolve("outside.bin").toString()));
		assertRefused(absolute, "an absolute path");
	}

	@Test
	void refusesExternalDataThroughSymbolicLinks() throws Exception {
		Path models = Files.createDirectories(dir.resolve("models"));
		Path outside = Files.write(dir.resolve("outside.bin"), LinearModels.weightBytes());
		Files.createSymbolicLink(models.resolve("link.bin"), outside);
		Path file = Files.write(models.resolve("link.onnx"), LinearModels.linearReluExternal("link.bin"));
		assertRefused(file, "passes through the symbolic link " + models.resolve("link.bin"));

		Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
		Files.write(elsewhere.resolve("w.bin"), LinearModels.weightBytes());
		Files.createSymbolicLink(models.resolve("data"), elsewhere);
		Path viaFolder = Files.write(models.resolve("folder-link.onnx"), LinearModels.linearReluExternal("data/w.bin"));
		assertRefused(viaFolder, "passes through the symbolic link " + models.resolve("data"));
	}

	@Test
	void findsExternalDataHiddenInSubgraphsAndNodeAttributes() throws Exception {
		Path models = Files.createDirectories(dir.resolve("models"));
		Path file = Files.write(models.resolve("hidden.onnx"), LinearModels.hiddenExternal("../../etc/passwd"));
		assertRefused(file, "its tensor 'hidden' refers to external data '../../etc/passwd'", "leaves the model's folder");
	}

	@Test
	void refusesMissingExternalData() throws Exception {
		Path file = Files.write(dir.resolve("missing-data.onnx"), LinearModels.linearReluExternal("weights.bin"));
		assertRefused(file, "refers to external data 'weights.bin'", "is missing");
	}
}
