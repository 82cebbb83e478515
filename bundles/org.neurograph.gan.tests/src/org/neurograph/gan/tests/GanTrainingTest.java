package org.neurograph.gan.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.Artifact;
import org.neurograph.api.GenerationRequest;
import org.neurograph.api.ModelRef;
import org.neurograph.api.Progress;
import org.neurograph.api.Provenance;
import org.neurograph.api.training.Metric;
import org.neurograph.api.training.TrainingException;
import org.neurograph.api.training.TrainingRequest;
import org.neurograph.api.training.TrainingSession;
import org.neurograph.gan.GanModel;
import org.neurograph.gan.GanOutputs;
import org.neurograph.gan.LatentTools;
import org.neurograph.assets.PngProvenance;
import org.neurograph.gan.internal.GanBreedGenerator;
import org.neurograph.gan.internal.GanGenerator;
import org.neurograph.gan.internal.GanTrainer;

/** Trains a tiny DCGAN on procedural coloured shapes and checks training, checkpoints, export and generation. */
class GanTrainingTest {
	private static final Map<String, String> SMALL = Map.of("steps", "40", "imageSize", "32", "latentSize", "16",
			"batchSize", "16", "filters", "8", "learningRateG", "0.001", "learningRateD", "0.001", "sampleCount", "9");

	@TempDir
	static Path data;

	@TempDir
	Path run;

	private final GanTrainer trainer = new GanTrainer();

	@BeforeAll
	static void drawShapes() throws IOException {
		for (int i = 0; i < 64; i++) {
			ImageIO.write(Shapes.draw(i, 40 + i % 3 * 10, 40), "png", data.resolve("shape-" + i + ".png").toFile());
		}
	}

	private TrainingSession open(Optional<Path> resume) throws Exception {
		return open(SMALL, resume);
	}

	private TrainingSession open(Map<String, String> params, Optional<Path> resume) throws Exception {
		TrainingRequest request = new TrainingRequest(trainer.parameters().resolve(params), data, run, 5, resume);
		return trainer.open(request, Progress.none());
	}

	@Test
	void lossesStayFiniteAndSamplesChangeAndStayDiverse() throws Exception {
		try (TrainingSession s = open(Optional.empty())) {
			List<Artifact> first = s.samples();
			assertEquals(2, first.size(), "a grid and the dataset check");
			String check = new String(first.get(1).data(), java.nio.charset.StandardCharsets.UTF_8);
			assertTrue(check.contains("64 images read"), check);
			assertTrue(check.contains("Only 64 images"), "a tiny set draws a warning: " + check);
			List<Double> lossD = new ArrayList<>();
			List<Double> lossG = new ArrayList<>();
			while (!s.isFinished()) {
				for (Metric m : s.trainStep()) {
					assertTrue(Double.isFinite(m.value()), m.toString());
					(m.name().equals("lossD") ? lossD : lossG).add(m.value());
				}
			}
			assertEquals(40, lossD.size());
			assertEquals(40, lossG.size());
			assertTrue(lossD.stream().distinct().count() > 30 && lossG.stream().distinct().count() > 30,
					"the losses move");
			List<Artifact> later = s.samples();
			assertEquals(1, later.size(), "the dataset check comes once");
			assertFalse(java.util.Arrays.equals(first.get(0).data(), later.get(0).data()), "the samples change");
			BufferedImage grid = ImageIO.read(new ByteArrayInputStream(later.get(0).data()));
			assertEquals(3 * 33 + 1, grid.getWidth(), "3x3 tiles of 32 pixels with 1-pixel gaps");
			assertDiverse(grid);
		}
	}

	/** The nine tiles differ from each other: no collapse to one image. */
	private static void assertDiverse(BufferedImage grid) {
		for (int a = 0; a < 9; a++) {
			for (int b = a + 1; b < 9; b++) {
				double diff = 0;
				for (int y = 0; y < 32; y++) {
					for (int x = 0; x < 32; x++) {
						int p = grid.getRGB(1 + a % 3 * 33 + x, 1 + a / 3 * 33 + y);
						int q = grid.getRGB(1 + b % 3 * 33 + x, 1 + b / 3 * 33 + y);
						for (int c = 0; c < 24; c += 8) {
							diff += Math.abs(((p >> c) & 0xff) - ((q >> c) & 0xff));
						}
					}
				}
				double mean = diff / (32 * 32 * 3);
				assertTrue(mean > 1.0, "tiles " + a + " and " + b + " differ by only " + mean + " levels");
			}
		}
	}

	/**
	 * At 28x28 (MNIST's size) the GAN learns from an IDX file without resizing: grey shapes written by the test as
	 * a gzipped IDX file, trained (with the default batch normalisation in the discriminator), exported and
	 * generated at 28 pixels.
	 */
	@Test
	void trainsAt28PixelsFromAnIdxFile(@TempDir Path idxData, @TempDir Path model) throws Exception {
		int count = 48;
		try (var out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(
				Files.newOutputStream(idxData.resolve("shapes-idx3-ubyte.gz"))))) {
			out.writeInt(0x00000803);
			out.writeInt(count);
			out.writeInt(28);
			out.writeInt(28);
			for (int i = 0; i < count; i++) {
				BufferedImage img = Shapes.draw(i, 28, 28);
				for (int y = 0; y < 28; y++) {
					for (int x = 0; x < 28; x++) {
						int rgb = img.getRGB(x, y);
						out.write(((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3);
					}
				}
			}
		}
		Map<String, String> at28 = new java.util.HashMap<>(SMALL);
		at28.put("imageSize", "28");
		at28.put("colour", "grey");
		at28.put("steps", "20");
		TrainingRequest request = new TrainingRequest(trainer.parameters().resolve(at28), idxData, run, 3,
				Optional.empty());
		try (TrainingSession s = trainer.open(request, Progress.none())) {
			assertEquals("28", s.architecture().get("size"));
			assertEquals("true", s.architecture().get("normalisedDiscriminator"));
			assertEquals(Integer.toString(count), s.architecture().get("trainingImages"));
			while (!s.isFinished()) {
				for (Metric m : s.trainStep()) {
					assertTrue(Double.isFinite(m.value()), m.toString());
				}
			}
			BufferedImage grid = ImageIO.read(new ByteArrayInputStream(s.samples().get(0).data()));
			assertEquals(3 * 29 + 1, grid.getWidth(), "3x3 tiles of 28 pixels with 1-pixel gaps");
			s.exportModel(model);
		}
		GanModel loaded = GanModel.load(model);
		assertEquals(28, loaded.imageSize());
		BufferedImage img = loaded.render(List.of(LatentTools.fromSeed(16, 1, 0))).get(0);
		assertEquals(28, img.getWidth());
		assertEquals(28, img.getHeight());
	}

	/** The weight average changes what samples show, not how the networks train. */
	@Test
	void weightAveragingChangesTheSamplesNotTheTraining() throws Exception {
		Map<String, String> last = new java.util.HashMap<>(SMALL);
		last.put("averageDecay", "0");
		List<Metric> averagedMetrics = new ArrayList<>();
		List<Metric> lastMetrics = new ArrayList<>();
		byte[] averaged;
		byte[] plain;
		try (TrainingSession s = open(SMALL, Optional.empty())) {
			for (int i = 0; i < 12; i++) {
				averagedMetrics.addAll(s.trainStep());
			}
			averaged = s.samples().get(0).data();
		}
		try (TrainingSession s = open(last, Optional.empty())) {
			for (int i = 0; i < 12; i++) {
				lastMetrics.addAll(s.trainStep());
			}
			plain = s.samples().get(0).data();
		}
		for (int i = 0; i < lastMetrics.size(); i++) {
			assertEquals(lastMetrics.get(i).value(), averagedMetrics.get(i).value(), 0.0, "metric " + i);
		}
		assertFalse(java.util.Arrays.equals(averaged, plain), "the averaged generator draws other samples");
	}

	@Test
	void aResumedRunComputesWhatAnUninterruptedOneDoes() throws Exception {
		assertResumeIsExact(SMALL);
	}

	@Test
	void aResumedRunWithAPlainDiscriminatorComputesWhatAnUninterruptedOneDoes() throws Exception {
		Map<String, String> plain = new java.util.HashMap<>(SMALL);
		plain.put("discriminatorNorm", "false");
		assertResumeIsExact(plain);
	}

	private void assertResumeIsExact(Map<String, String> params) throws Exception {
		Path checkpoint = run.resolve("step-5.ckpt");
		List<Metric> straight = new ArrayList<>();
		byte[] straightSamples;
		try (TrainingSession s = open(params, Optional.empty())) {
			for (int i = 0; i < 5; i++) {
				s.trainStep();
			}
			s.saveCheckpoint(checkpoint);
			for (int i = 0; i < 5; i++) {
				straight.addAll(s.trainStep());
			}
			straightSamples = s.samples().get(0).data();
		}
		List<Metric> resumed = new ArrayList<>();
		try (TrainingSession s = open(params, Optional.of(checkpoint))) {
			assertEquals(5, s.step());
			for (int i = 0; i < 5; i++) {
				resumed.addAll(s.trainStep());
			}
			assertEquals(10, s.step());
			assertArrayEquals(straightSamples, s.samples().get(0).data(), "the same weights after the same steps");
		}
		assertEquals(straight.size(), resumed.size());
		for (int i = 0; i < straight.size(); i++) {
			assertEquals(straight.get(i).name(), resumed.get(i).name());
			assertEquals(straight.get(i).value(), resumed.get(i).value(), 0.0, "metric " + i);
		}
		try (var files = Files.list(run)) {
			assertEquals(List.of(checkpoint), files.toList(), "no temporary files left behind");
		}
	}

	/**
	 * A checkpoint written before the discriminator could be normalised (no such setting in it) resumes as the plain
	 * discriminator it was, though today's default is the normalised one.
	 */
	@Test
	void aCheckpointFromBeforeTheNormalisedDiscriminatorResumesAsPlain() throws Exception {
		Map<String, String> plain = new java.util.HashMap<>(SMALL);
		plain.put("discriminatorNorm", "false");
		Path checkpoint = run.resolve("plain.ckpt");
		try (TrainingSession s = open(plain, Optional.empty())) {
			for (int i = 0; i < 3; i++) {
				s.trainStep();
			}
			s.saveCheckpoint(checkpoint);
		}
		Path older = run.resolve("older.ckpt");
		try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(checkpoint));
				var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(older))) {
			for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				byte[] bytes = in.readAllBytes();
				if (e.getName().equals("state.properties")) {
					String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
					assertTrue(text.contains("normalisedDiscriminator=false"), text);
					bytes = text.replace("normalisedDiscriminator=false", "")
							.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
				}
				out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
				out.write(bytes);
				out.closeEntry();
			}
		}
		try (TrainingSession s = open(SMALL, Optional.of(older))) {
			assertEquals(3, s.step());
			assertEquals("false", s.architecture().get("normalisedDiscriminator"), "resumed as it was trained");
			for (Metric m : s.trainStep()) {
				assertTrue(Double.isFinite(m.value()), m.toString());
			}
		}
	}

	@Test
	void aCheckpointOfOtherSettingsIsRefusedWithAMessage() throws Exception {
		Path checkpoint = run.resolve("a.ckpt");
		try (TrainingSession s = open(Optional.empty())) {
			s.saveCheckpoint(checkpoint);
		}
		Map<String, String> other = new java.util.HashMap<>(SMALL);
		other.put("latentSize", "8");
		TrainingRequest request = new TrainingRequest(trainer.parameters().resolve(other), data, run, 5,
				Optional.of(checkpoint));
		TrainingException e = assertThrows(TrainingException.class, () -> trainer.open(request, Progress.none()));
		assertTrue(e.getMessage().contains("other settings"), e.getMessage());
	}

	@Test
	void aFolderWithoutImagesIsRefusedWithAMessage(@TempDir Path empty) throws Exception {
		Files.writeString(empty.resolve("readme.txt"), "no images here");
		Files.writeString(empty.resolve("fake.jpg"), "not a jpeg");
		TrainingRequest request = new TrainingRequest(trainer.parameters().resolve(SMALL), empty, run, 1,
				Optional.empty());
		TrainingException e = assertThrows(TrainingException.class, () -> trainer.open(request, Progress.none()));
		assertTrue(e.getMessage().contains("no readable images"), e.getMessage());
		assertTrue(e.getMessage().contains("fake.jpg"), "the unreadable file is named: " + e.getMessage());
	}

	@Test
	void generationIsBitIdenticalFromTheSeedAndFromProvenance(@TempDir Path model) throws Exception {
		try (TrainingSession s = open(Optional.empty())) {
			for (int i = 0; i < 30; i++) { // until the normalisation layers' running statistics have settled
				s.trainStep();
			}
			s.exportModel(model);
		}
		assertTrue(Files.isRegularFile(model.resolve(GanModel.GENERATOR_FILE)));
		assertTrue(Files.isRegularFile(model.resolve(GanModel.ONNX_FILE)), "the export writes the ONNX graph too");
		ModelRef ref = new ModelRef("shapes", model, HexFormat.of().formatHex(Files.readAllBytes(
				model.resolve(GanModel.GENERATOR_FILE)), 0, 32));
		GanGenerator generator = new GanGenerator();
		var params = generator.parameters().resolve(Map.of("outputSize", "64", "truncation", "1.5"));
		List<Artifact> batch = generator.generateAll(new GenerationRequest(params, 3, 100, Optional.of(ref)),
				Progress.none());
		assertEquals(3, batch.size());
		assertFalse(java.util.Arrays.equals(batch.get(0).data(), batch.get(1).data()));
		BufferedImage img = ImageIO.read(new ByteArrayInputStream(batch.get(1).data()));
		assertEquals(64, img.getWidth());

		List<Artifact> again = generator.generateAll(new GenerationRequest(params, 1, 101, Optional.of(ref)),
				Progress.none());
		assertArrayEquals(batch.get(1).data(), again.get(0).data(), "work 1 of seed 100 is work 0 of seed 101");

		Provenance p = batch.get(2).provenance();
		assertEquals(102, p.seed());
		assertEquals(GanModel.DEFAULT_ENGINE.id(), p.parameters().get(GanOutputs.ENGINE), "the engine is recorded");
		assertArrayEquals(LatentTools.fromSeed(16, 102, 1.5), p.latent());
		GanModel loaded = GanModel.load(model);
		assertArrayEquals(batch.get(2).data(), GanOutputs.regenerate(loaded, ref, p).data(), "from the latent");
		Provenance withoutLatent = p.withLatent(null);
		assertArrayEquals(batch.get(2).data(), GanOutputs.regenerate(loaded, ref, withoutLatent).data(),
				"from the seed and parameters");

		float[] child = LatentTools.breed(batch.get(0).provenance().latent(), p.latent(), 0.5);
		Artifact bred = GanOutputs.artifact(loaded, ref, params, 7, child, List.of("outputs/a.png", "outputs/b.png"));
		assertEquals(List.of("outputs/a.png", "outputs/b.png"), bred.provenance().parents());
		assertArrayEquals(bred.data(), GanOutputs.regenerate(loaded, ref, bred.provenance()).data());
		Artifact parentAgain = GanOutputs.artifact(loaded, ref, params, 0,
				LatentTools.breed(batch.get(0).provenance().latent(), p.latent(), 1), List.of());
		assertArrayEquals(batch.get(2).data(), parentAgain.data(), "breed ratio 1 renders the second parent");

		Path parentA = model.resolve("a.png");
		Path parentB = model.resolve("b.png");
		Files.write(parentA, PngProvenance.embed(batch.get(0).data(), batch.get(0).provenance()));
		Files.write(parentB, PngProvenance.embed(batch.get(2).data(), batch.get(2).provenance()));
		GanBreedGenerator breeder = new GanBreedGenerator();
		for (String ratio : List.of("0", "1")) {
			var breedParams = breeder.parameters().resolve(Map.of("parentA", parentA.toString(), "parentB",
					parentB.toString(), "ratio", ratio, "mutation", "0", "outputSize", "64"));
			List<Artifact> kids = breeder.generateAll(new GenerationRequest(breedParams, 2, 9, Optional.of(ref)),
					Progress.none());
			assertArrayEquals(batch.get(ratio.equals("0") ? 0 : 2).data(), kids.get(1).data(),
					"breed ratio " + ratio + " without mutation gives the parent");
			assertEquals(List.of(parentA.toString(), parentB.toString()), kids.get(0).provenance().parents());
		}
		var mutated = breeder.parameters().resolve(Map.of("parentA", parentA.toString(), "parentB",
				parentA.toString(), "mutation", "0.8", "outputSize", "64"));
		List<Artifact> children = breeder.generateAll(new GenerationRequest(mutated, 2, 9, Optional.of(ref)),
				Progress.none());
		assertFalse(java.util.Arrays.equals(children.get(0).data(), children.get(1).data()), "children differ");
		assertArrayEquals(children.get(1).data(),
				GanOutputs.regenerate(loaded, ref, children.get(1).provenance()).data(), "a child from provenance");

		// on DL4J: bit-identical again; a record without an engine (made before the choice existed) means DL4J
		var onDl4jParams = generator.parameters().resolve(Map.of("outputSize", "64", "truncation", "1.5",
				GanOutputs.ENGINE, "dl4j"));
		List<Artifact> onDl4j = generator.generateAll(new GenerationRequest(onDl4jParams, 2, 100, Optional.of(ref)),
				Progress.none());
		Provenance dl4jRecord = onDl4j.get(1).provenance();
		assertEquals("dl4j", dl4jRecord.parameters().get(GanOutputs.ENGINE));
		assertArrayEquals(onDl4j.get(1).data(), GanOutputs.regenerate(loaded, ref, dl4jRecord).data(), "on DL4J");
		Map<String, String> older = new java.util.HashMap<>(dl4jRecord.parameters());
		older.remove(GanOutputs.ENGINE);
		Provenance olderRecord = new Provenance(dl4jRecord.generatorId(), dl4jRecord.generatorVersion(),
				dl4jRecord.modelName(), dl4jRecord.modelSha256(), older, dl4jRecord.seed(), dl4jRecord.latent(),
				dl4jRecord.parents(), dl4jRecord.created());
		Artifact fromOlder = GanOutputs.regenerate(loaded, ref, olderRecord);
		assertArrayEquals(onDl4j.get(1).data(), fromOlder.data(), "a record without engine is made again on DL4J");
		assertEquals("dl4j", fromOlder.provenance().parameters().get(GanOutputs.ENGINE));

		Artifact gif = GanOutputs.interpolationGif(loaded, ref, params, batch.get(0).provenance().latent(), p.latent(),
				6, 100, List.of("outputs/a.png", "outputs/c.png"));
		assertEquals("gif", gif.extension());
		try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif.data()))) {
			var reader = ImageIO.getImageReaders(in).next();
			reader.setInput(in);
			assertEquals(6, reader.getNumImages(true));
		}
	}

	@Test
	void explorerCellsRecordTheirPlaneAndTheModelHashOfTheGeneratorPanel(@TempDir Path project) throws Exception {
		Path folder = project.resolve("models/shapes");
		Files.createDirectories(folder);
		try (TrainingSession s = open(Optional.empty())) {
			for (int i = 0; i < 3; i++) {
				s.trainStep();
			}
			s.exportModel(folder);
		}
		Files.writeString(folder.resolve("model.json"), "{\"trainer\": \"org.neurograph.gan.dcgan\"}");
		var written = org.neurograph.assets.GenerationRunner.run(new GanGenerator(), project, Map.of(), 1, 5, "shapes",
				Progress.none()).outputs();
		Provenance panel = org.neurograph.assets.ProvenanceJson.readSidecar(written.get(0)).orElseThrow();
		ModelRef ref = GanOutputs.modelRef("shapes", folder);
		assertEquals(panel.modelSha256(), ref.sha256(), "the same model hash as the generator panel records");
		assertEquals(64, ref.sha256().length());

		GanModel model = GanModel.load(folder);
		org.neurograph.gan.LatentPlane plane = org.neurograph.gan.LatentPlane.random(panel.latent(), 3);
		float[] cell = plane.grid(0.5, -1, 0.5, 3).get(5);
		var params = GanOutputs.PARAMETERS.resolve(Map.of("outputSize", "native"));
		Artifact a = GanOutputs.artifact("explorer-cell", model, ref, params, Map.of("explorer.x", "1.0",
				"explorer.dirX", org.neurograph.gan.LatentPlane.format(plane.dirX())), 0, cell, List.of("outputs/c.png"));
		assertEquals("explorer-cell", a.name());
		assertEquals("1.0", a.provenance().parameters().get("explorer.x"));
		assertArrayEquals(plane.dirX(), org.neurograph.gan.LatentPlane.parse(a.provenance().parameters().get("explorer.dirX")));
		assertArrayEquals(cell, a.provenance().latent());
		assertArrayEquals(a.data(), GanOutputs.regenerate(model, ref, a.provenance()).data(), "bit for bit from provenance");
		BufferedImage direct = model.render(plane.at(1.0, -1));
		BufferedImage saved = ImageIO.read(new ByteArrayInputStream(a.data()));
		assertEquals(32, saved.getWidth());
		for (int y = 0; y < 32; y++) {
			for (int x = 0; x < 32; x++) {
				assertEquals(direct.getRGB(x, y), saved.getRGB(x, y), "cell 5 of the 3x3 grid is (x + 0.5, y)");
			}
		}
		assertThrows(IllegalArgumentException.class, () -> GanOutputs.artifact("x", model, ref, params,
				Map.of("outputSize", "64"), 0, cell, List.of()), "extra entries cannot hide a parameter");

		// children bred from the project's own works name their parents as the views do: project-relative
		var two = org.neurograph.assets.GenerationRunner.run(new GanGenerator(), project, Map.of(), 2, 8, "shapes",
				Progress.none()).outputs();
		var kids = org.neurograph.assets.GenerationRunner.run(new GanBreedGenerator(), project, Map.of("parentA",
				two.get(0).toString(), "parentB", two.get(1).toString()), 1, 3, "shapes", Progress.none()).outputs();
		Provenance child = org.neurograph.assets.ProvenanceJson.readSidecar(kids.get(0)).orElseThrow();
		List<String> expected = two.stream().map(f -> project.relativize(f).toString().replace('\\', '/')).toList();
		assertEquals(expected, child.parents());
		assertTrue(expected.get(0).startsWith("outputs/"), expected.get(0));
	}

	@Test
	void theExplorerBenchmarkReportsEveryGridAndThePrincipalDirections() throws Exception {
		var bytes = new java.io.ByteArrayOutputStream();
		try (var out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)) {
			new org.neurograph.gan.internal.ExplorerBenchmark().run(out, Progress.none());
		}
		String report = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
		System.out.println(report);
		assertEquals(4, report.lines().filter(l -> l.matches("grid .* \\d+ ms per 5x5 grid .*")).count(), report);
		assertEquals(2, report.lines().filter(l -> l.startsWith("principal directions")).count(), report);
	}

	@Test
	void aFolderThatIsNoGanModelIsRefusedWithAMessage(@TempDir Path notModel) throws Exception {
		ModelRef ref = new ModelRef("x", notModel, "00");
		GanGenerator generator = new GanGenerator();
		var e = assertThrows(org.neurograph.api.GenerationException.class, () -> generator.generateAll(
				new GenerationRequest(generator.parameters().defaultValues(), 1, 1, Optional.of(ref)), Progress.none()));
		assertTrue(e.getMessage().contains("not a GAN model"), e.getMessage());
	}
}
