package org.neurograph.music.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neurograph.api.Progress;
import org.neurograph.api.Provenance;
import org.neurograph.api.training.Metric;
import org.neurograph.api.training.TrainingException;
import org.neurograph.api.training.TrainingRequest;
import org.neurograph.api.training.TrainingSession;
import org.neurograph.assets.GenerationRunner;
import org.neurograph.assets.ProvenanceJson;
import org.neurograph.music.AbcReader;
import org.neurograph.music.AbcSyntaxException;
import org.neurograph.music.Event;
import org.neurograph.music.Tune;
import org.neurograph.music.TuneLstmGenerator;
import org.neurograph.music.TuneLstmTrainer;
import org.neurograph.music.TuneModel;
import org.neurograph.music.TuneTokens;
import org.neurograph.music.internal.TokenNets;
import org.neurograph.poetry.CharLstm;
import org.neurograph.runtime.dl4j.Dl4jRuntime;
import org.neurograph.training.RunInfo;
import org.neurograph.training.RunListener;
import org.neurograph.training.RunSettings;
import org.neurograph.training.RunState;
import org.neurograph.training.TrainingRun;

/**
 * The tune LSTM trained by the run engine on a small tune set (the 46 tunes of ashover.abc from the Nottingham
 * Music Database), then used by the generator: at least 90% of the generated tunes must read as ABC and have bars
 * that fill their meter (the constrained sampler makes it 100% by design; the test counts from the files).
 */
class TuneLstmTrainerTest {

	private static final Map<String, String> SMALL = Map.of("embedding", "16", "layers", "1", "units", "64",
			"sequenceLength", "64", "tbptt", "32", "batchSize", "16", "learningRate", "0.01", "transpose", "1",
			"validateEvery", "50", "dropout", "0");
	private final TuneLstmTrainer trainer = new TuneLstmTrainer();

	private static Path collection(Path project, String name, String... files) throws Exception {
		Path dataset = Files.createDirectories(project.resolve("datasets").resolve(name));
		for (String f : files) {
			Files.copy(SharedData.abcFolder().resolve(f), dataset.resolve(f));
		}
		return dataset;
	}

	@Test
	void thePlainJavaModelComputesWhatTheDl4jNetworkComputes() throws Exception {
		Dl4jRuntime.start();
		int v = 9;
		MultiLayerNetwork net = TokenNets.create(new TokenNets.Shape(v, 5, 2, 12, 0, 0.01, 10), 5);
		net.setParams(net.params().mul(3)); // larger weights make any gate or embedding mix-up visible
		CharLstm model = TokenNets.toCharLstm(net);
		CharLstm.State state = model.newState();
		int[] input = { 1, 2, 0, 8, 8, 3, 4, 5, 1, 7 };
		for (int token : input) {
			INDArray x = Nd4j.zeros(1, 1, 1);
			x.putScalar(new long[] { 0, 0, 0 }, token);
			INDArray out = net.rnnTimeStep(x);
			float[] logits = model.step(state, token);
			double max = Double.NEGATIVE_INFINITY;
			for (float l : logits) {
				max = Math.max(max, l);
			}
			double sum = 0;
			for (float l : logits) {
				sum += Math.exp(l - max);
			}
			for (int i = 0; i < v; i++) {
				assertEquals(out.getDouble(0, i, 0), Math.exp(logits[i] - max) / sum, 1e-5, "token " + i);
			}
		}
	}

	@Test
	void trainedOnASmallTuneSetItWritesTunesThatReadAndFillTheirBars(@TempDir Path project) throws Exception {
		collection(project, "ashover", "ashover.abc");
		Map<String, String> parameters = new HashMap<>(SMALL);
		parameters.put("steps", "250");
		parameters.put("sampleBars", "8");
		RunSettings settings = RunSettings.defaults().withSeed(7).withModelName("ashover-lstm").withSampleEverySteps(125)
				.withCheckpoints(125, Duration.ofMinutes(10), 2);
		TrainingRun run = TrainingRun.create(project, trainer, "ashover", parameters, settings);
		List<Metric> metrics = new CopyOnWriteArrayList<>();
		run.addListener(new RunListener() {
			@Override
			public void metricsLogged(TrainingRun r, List<Metric> logged) {
				metrics.addAll(logged);
			}
		});
		long start = System.nanoTime();
		long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		RunInfo info = run.run(Progress.none());
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
		assertEquals(RunState.FINISHED, info.state(), info.message());

		Path modelFolder = project.resolve("models").resolve("ashover-lstm");
		TuneModel model = TuneModel.load(modelFolder);
		String card = Files.readString(modelFolder.resolve("model.json"));
		assertTrue(card.contains(TuneLstmTrainer.ID), card);
		double uniform = Math.log(model.size());
		double unigram = unigramEntropy(project.resolve("datasets/ashover/ashover.abc"));
		List<Double> losses = metrics.stream().filter(m -> m.name().equals("loss")).map(Metric::value).toList();
		List<Double> valLosses = metrics.stream().filter(m -> m.name().equals("valLoss")).map(Metric::value).toList();
		double first = losses.get(0);
		double last = losses.subList(losses.size() - 20, losses.size()).stream().mapToDouble(d -> d).average().orElseThrow();
		double valLoss = valLosses.get(valLosses.size() - 1);
		System.out.printf("[music] %d tokens (uniform %.2f nats, unigram %.2f); loss %.3f -> %.3f, validation %.3f; "
				+ "%d steps in %.1f s (%.1f s of CPU)%n", model.size(), uniform, unigram, first, last, valLoss, info.step(),
				seconds, cpu);
		assertTrue(first > 0.8 * uniform, "an untrained network is unsure: " + first + " vs " + uniform);
		assertTrue(last < unigram, "training loss " + last + " is below the unigram entropy " + unigram);
		assertTrue(valLoss < unigram, "validation loss " + valLoss + " is below the unigram entropy " + unigram);

		List<Path> samples;
		try (Stream<Path> s = Files.walk(run.folder().resolve("samples"))) {
			samples = s.filter(p -> p.toString().endsWith(".abc")).sorted().toList();
		}
		assertTrue(samples.size() >= 2, "samples: " + samples);
		for (Path sample : samples) {
			assertEquals(List.of(), Bars.misfits(AbcReader.read(Files.readString(sample))), sample.toString());
		}

		int count = 30;
		GenerationRunner.Result result = GenerationRunner.run(new TuneLstmGenerator(), project,
				Map.of("bars", "16", "temperature", "1.0"), count, 100, "ashover-lstm", Progress.none());
		List<Path> abcs = result.outputs().stream().filter(p -> p.toString().endsWith(".abc")).toList();
		List<Path> midis = result.outputs().stream().filter(p -> p.toString().endsWith(".mid")).toList();
		assertEquals(count, abcs.size());
		assertEquals(count, midis.size());
		int good = 0;
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String abc = Files.readString(abcs.get(i), StandardCharsets.UTF_8);
			Tune tune;
			try {
				tune = AbcReader.read(abc);
			} catch (AbcSyntaxException e) {
				problems.add(abcs.get(i).getFileName() + ": " + e.getMessage());
				continue;
			}
			List<String> misfits = Bars.misfits(tune);
			if (misfits.isEmpty() && Bars.fullBars(tune) == 16 && !tune.notes().isEmpty()) {
				good++;
			} else {
				problems.add(abcs.get(i).getFileName() + ": " + misfits + ", " + Bars.fullBars(tune) + " bars");
			}
			assertEquals(tune.unfold().notes().size(), noteOns(MidiSystem.getSequence(midis.get(i).toFile())),
					"the MIDI file plays the tune's notes");
			Provenance p = ProvenanceJson.readSidecar(abcs.get(i)).orElseThrow();
			assertEquals(TuneLstmGenerator.ID, p.generatorId());
			assertEquals("ashover-lstm", p.modelName());
			assertEquals(64, p.modelSha256().length());
			assertEquals(100 + i, p.seed());
			assertEquals("16", p.parameters().get("bars"));
			assertEquals(p, ProvenanceJson.readSidecar(midis.get(i)).orElseThrow());
			assertTrue(abc.contains("N:Written by " + TuneLstmGenerator.ID), abc);
		}
		System.out.println("[music] " + good + " of " + count + " generated tunes read and fill their bars; " + problems);
		if (count > 0) {
			System.out.println("[music] the first:\n" + Files.readString(abcs.get(0)));
		}
		assertTrue(good >= 0.9 * count, good + " of " + count + " good: " + problems);

		// the same seed makes the same works, bit for bit
		GenerationRunner.Result again = GenerationRunner.run(new TuneLstmGenerator(), project,
				Map.of("bars", "16", "temperature", "1.0"), 1, 103, "ashover-lstm", Progress.none());
		assertArrayEquals(Files.readAllBytes(abcs.get(3)), Files.readAllBytes(again.outputs().get(0)));
		assertArrayEquals(Files.readAllBytes(midis.get(3)), Files.readAllBytes(again.outputs().get(1)));

		// a primer is continued: its notes come first, then 8 more full bars
		String primer = "X:1\nM:6/8\nL:1/8\nK:G\nD|G2B A2c|B2d c2A|\n";
		List<String> modelMeters = org.neurograph.music.TuneWriter.meters(model);
		if (modelMeters.contains("6/8")) {
			GenerationRunner.Result continued = GenerationRunner.run(new TuneLstmGenerator(), project,
					Map.of("bars", "8", "primer", primer), 1, 5, "ashover-lstm", Progress.none());
			Tune tune = AbcReader.read(Files.readString(continued.outputs().get(0)));
			List<Event.Note> primed = AbcReader.read(primer).notes();
			assertEquals(primed.stream().map(Event.Note::pitch).toList(),
					tune.notes().subList(0, primed.size()).stream().map(Event.Note::pitch).toList());
			assertEquals(2 + 8, Bars.fullBars(tune));
			String sidecar = Files.readString(ProvenanceJson.sidecarOf(continued.outputs().get(0)));
			assertTrue(sidecar.contains("D|G2B A2c|B2d c2A|"), "the provenance keeps the primer: " + sidecar);
		}
	}

	private static int noteOns(Sequence sequence) {
		int n = 0;
		for (Track track : sequence.getTracks()) {
			for (int i = 0; i < track.size(); i++) {
				if (track.get(i).getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON
						&& m.getData2() > 0) {
					n++;
				}
			}
		}
		return n;
	}

	/** The entropy, in nats, of the token frequencies of a collection's tunes as written. */
	private static double unigramEntropy(Path abc) throws Exception {
		Map<String, Integer> counts = new HashMap<>();
		int total = 0;
		for (Tune t : AbcReader.readBook(abc).tunes()) {
			try {
				for (String token : TuneTokens.encode(t, 0)) {
					counts.merge(token, 1, Integer::sum);
					total++;
				}
			} catch (org.neurograph.music.MusicException e) {
				// left out of training too
			}
		}
		double h = 0;
		for (int c : counts.values()) {
			double p = (double) c / total;
			h -= p * Math.log(p);
		}
		return h;
	}

	private TrainingRequest request(Path dataset, Path run, Map<String, String> extra, Optional<Path> resume)
			throws Exception {
		Map<String, String> p = new HashMap<>(SMALL);
		p.putAll(extra);
		Files.createDirectories(run);
		return new TrainingRequest(trainer.parameters().resolve(p), dataset, run, 3, resume);
	}

	@Test
	void aResumedRunContinuesExactly(@TempDir Path dir) throws Exception {
		Path dataset = collection(dir, "playford", "playford.abc");
		Path checkpoint = dir.resolve("checkpoint.bin");
		Map<String, String> extra = Map.of("steps", "8", "units", "16", "transpose", "0");
		List<Double> straight = new ArrayList<>();
		try (TrainingSession s = trainer.open(request(dataset, dir.resolve("a"), extra, Optional.empty()),
				Progress.none())) {
			for (int i = 0; i < 8; i++) {
				if (i == 4) {
					s.saveCheckpoint(checkpoint);
				}
				double loss = s.trainStep().get(0).value();
				if (i >= 4) {
					straight.add(loss);
				}
			}
		}
		List<Double> resumed = new ArrayList<>();
		try (TrainingSession s = trainer.open(request(dataset, dir.resolve("b"), extra, Optional.of(checkpoint)),
				Progress.none())) {
			assertEquals(4, s.step());
			while (!s.isFinished()) {
				resumed.add(s.trainStep().get(0).value());
			}
		}
		assertEquals(straight.size(), resumed.size());
		for (int i = 0; i < straight.size(); i++) {
			assertEquals(straight.get(i), resumed.get(i), 1e-5, "loss at step " + (5 + i));
		}
		TrainingException other = assertThrows(TrainingException.class, () -> trainer.open(request(dataset,
				dir.resolve("c"), Map.of("steps", "8", "units", "16", "transpose", "2"), Optional.of(checkpoint)),
				Progress.none()));
		assertTrue(other.getMessage().contains("other symbols"), other.getMessage());
	}

	@Test
	void collectionsThatCannotBeLearnedGetClearMessages(@TempDir Path dir) throws Exception {
		Path empty = Files.createDirectories(dir.resolve("datasets/empty"));
		TrainingException none = assertThrows(TrainingException.class,
				() -> trainer.open(request(empty, dir.resolve("r1"), Map.of(), Optional.empty()), Progress.none()));
		assertTrue(none.getMessage().contains("holds no tunes") && none.getMessage().contains(".abc"), none.getMessage());

		Path free = Files.createDirectories(dir.resolve("datasets/free"));
		Files.writeString(free.resolve("free.abc"), "X:1\nT:A\nM:none\nK:D\nABc|\n\nX:2\nT:B\nM:none\nK:G\nGAB|\n");
		TrainingException unusable = assertThrows(TrainingException.class,
				() -> trainer.open(request(free, dir.resolve("r2"), Map.of(), Optional.empty()), Progress.none()));
		assertTrue(unusable.getMessage().startsWith("The collection has 0 tune(s) that can be learned"),
				unusable.getMessage());
		assertTrue(unusable.getMessage().contains("no meter"), unusable.getMessage());
	}
}
