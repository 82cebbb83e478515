package org.neurograph.assets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.Artifact;
import org.neurograph.api.ArtifactSink;
import org.neurograph.api.CancelledException;
import org.neurograph.api.GenerationException;
import org.neurograph.api.GenerationRequest;
import org.neurograph.api.Generator;
import org.neurograph.api.GeneratorInfo;
import org.neurograph.api.InvalidParametersException;
import org.neurograph.api.MediaKind;
import org.neurograph.api.ParameterSpec;
import org.neurograph.api.Progress;
import org.neurograph.api.Provenance;
import org.neurograph.assets.GenerationRunner;
import org.neurograph.assets.ProvenanceJson;

class GenerationRunnerTest {

	/** Writes "line i" texts; fails or gets cancelled after {@code stopAfter} works. */
	private static final class Lines implements Generator {
		private final boolean needsModel;
		private final int stopAfter;
		private final RuntimeException fault;
		private final GeneratorInfo info = new GeneratorInfo("test.lines", "Lines", "2.0", MediaKind.TEXT, "");

		Lines(boolean needsModel, int stopAfter, RuntimeException fault) {
			this.needsModel = needsModel;
			this.stopAfter = stopAfter;
			this.fault = fault;
		}

		public GeneratorInfo info() {
			return info;
		}

		public ParameterSpec parameters() {
			return ParameterSpec.builder().integer("width", "Width", "", 10, 1, 80).build();
		}

		public boolean requiresModel() {
			return needsModel;
		}

		public void generate(GenerationRequest r, ArtifactSink sink, Progress p) throws GenerationException {
			for (int i = 0; i < r.count(); i++) {
				if (i == stopAfter) {
					if (fault != null) {
						throw fault;
					}
					throw new CancelledException();
				}
				Provenance prov = Provenance.of(info, r, i);
				sink.accept(Artifact.text("line", "x".repeat(r.parameters().getInt("width")) + " " + r.seedFor(i), prov));
			}
		}
	}

	@Test
	void writesEachWorkWithProvenanceAndTheModelHash(@TempDir Path project) throws Exception {
		Path model = Files.createDirectories(project.resolve("models/poet"));
		Files.writeString(model.resolve("model.json"), "{\"trainer\":\"t\"}");
		Files.writeString(model.resolve("weights.bin"), "weights");
		var result = GenerationRunner.run(new Lines(true, 99, null), project, Map.of("width", "3"), 3, 10, "poet", Progress.none());
		assertEquals(3, result.outputs().size());
		for (int i = 0; i < 3; i++) {
			Path out = result.outputs().get(i);
			assertEquals("xxx " + (10 + i), Files.readString(out));
			Provenance p = ProvenanceJson.readSidecar(out).orElseThrow();
			assertEquals("poet", p.modelName());
			// the SHA-256 of the single weights file, "weights"
			assertEquals(org.neurograph.assets.AssetCatalog.sha256(model.resolve("weights.bin")), p.modelSha256());
		}
	}

	@Test
	void aCancelledBatchKeepsTheWorksMadeBeforeIt(@TempDir Path project) throws Exception {
		assertThrows(CancelledException.class,
				() -> GenerationRunner.run(new Lines(false, 2, null), project, Map.of(), 5, 1, null, Progress.none()));
		try (Stream<Path> s = Files.walk(project.resolve("outputs"))) {
			assertEquals(2, s.filter(f -> f.toString().endsWith(".txt")).count());
		}
	}

	@Test
	void userMistakesAndPluginFaultsGetClearMessages(@TempDir Path project) throws Exception {
		GenerationException noModel = assertThrows(GenerationException.class,
				() -> GenerationRunner.run(new Lines(true, 9, null), project, Map.of(), 1, 1, null, Progress.none()));
		assertEquals("Lines needs a model: choose one of the project's models (it has none yet: train or import one).",
				noModel.getMessage());
		GenerationException missing = assertThrows(GenerationException.class,
				() -> GenerationRunner.run(new Lines(true, 9, null), project, Map.of(), 1, 1, "ghost", Progress.none()));
		assertTrue(missing.getMessage().startsWith("There is no model 'ghost' in the project"), missing.getMessage());
		assertThrows(InvalidParametersException.class,
				() -> GenerationRunner.run(new Lines(false, 9, null), project, Map.of("width", "0"), 1, 1, null, Progress.none()));
		GenerationException fault = assertThrows(GenerationException.class, () -> GenerationRunner.run(
				new Lines(false, 0, new IllegalStateException("boom")), project, Map.of(), 1, 1, null, Progress.none()));
		assertTrue(fault.getMessage().startsWith("The generator 'Lines' (test.lines 2.0) failed unexpectedly"), fault.getMessage());
		assertNotEquals(null, fault.getCause());
	}

	@Test
	void aModelOfSeveralFilesIsHashedAsAWhole(@TempDir Path project) throws Exception {
		Path model = Files.createDirectories(project.resolve("models/gan"));
		Files.writeString(model.resolve("a.bin"), "a");
		Files.writeString(model.resolve("b.bin"), "b");
		String before = ProvenanceJson.readSidecar(GenerationRunner
				.run(new Lines(false, 9, null), project, Map.of(), 1, 1, "gan", Progress.none()).outputs().get(0))
				.orElseThrow().modelSha256();
		Files.writeString(model.resolve("b.bin"), "changed");
		String after = ProvenanceJson.readSidecar(GenerationRunner
				.run(new Lines(false, 9, null), project, Map.of(), 1, 1, "gan", Progress.none()).outputs().get(0))
				.orElseThrow().modelSha256();
		assertEquals(64, before.length());
		assertNotEquals(before, after, "changing any file of the model changes its hash");
		assertTrue(List.of(before, after).stream().allMatch(h -> h.matches("[0-9a-f]{64}")));
	}
}
