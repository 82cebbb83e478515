package org.neurograph.poetry.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.neurograph.api.Artifact;
import org.neurograph.api.ParameterValues;
import org.neurograph.api.Progress;
import org.neurograph.api.Provenance;
import org.neurograph.api.training.Metric;
import org.neurograph.api.training.TrainerInfo;
import org.neurograph.api.training.TrainingException;
import org.neurograph.api.training.TrainingRequest;
import org.neurograph.api.training.TrainingSession;
import org.neurograph.poetry.CharLstm;
import org.neurograph.poetry.CharLstmFiles;
import org.neurograph.poetry.PoemWriter;
import org.neurograph.poetry.TextCorpus;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;
import org.neurograph.runtime.dl4j.SafeModelSerializer;

/**
 * One character-LSTM training: the encoded corpus split into training and validation text, the DL4J network and
 * the step count. Minibatch {@code k} depends only on the seed and {@code k}; a checkpoint holds the network with
 * its updater state, so a resumed run continues where it stopped (exactly so without dropout).
 */
public final class CharLstmSession implements TrainingSession {

	private static final System.Logger LOG = System.getLogger(CharLstmSession.class.getName());
	private static final int MAGIC = 0x4E47434B;
	private static final String STATE_ENTRY = "state.bin";
	private static final String NETWORK_ENTRY = "network.zip";
	/** The most held-out characters one validation reads. */
	static final int MAX_VALIDATION_CHARACTERS = 16_384;

	private final TrainerInfo info;
	private final ParameterValues parameters;
	private final Path runDirectory;
	private final long seed;
	private final String vocabulary;
	private final int[] train;
	private final int[] validation;
	private MultiLayerNetwork net;
	private final int sequenceLength;
	private final int batchSize;
	private final String warning;
	private long step;

	private CharLstmSession(TrainerInfo info, TrainingRequest request, String vocabulary, int[] train, int[] validation,
			MultiLayerNetwork net, String warning) {
		this.info = info;
		this.parameters = request.parameters();
		this.runDirectory = request.runDirectory();
		this.seed = request.seed();
		this.vocabulary = vocabulary;
		this.train = train;
		this.validation = validation;
		this.net = net;
		this.sequenceLength = parameters.getInt("sequenceLength");
		this.batchSize = parameters.getInt("batchSize");
		this.warning = warning;
	}

	/** Checks the corpus against the parameters, builds (or restores) the network and returns a session. */
	public static CharLstmSession open(TrainerInfo info, TrainingRequest request, TextCorpus corpus, Progress progress)
			throws TrainingException {
		ParameterValues p = request.parameters();
		int sequenceLength = p.getInt("sequenceLength");
		int tbptt = p.getInt("tbptt");
		if (tbptt > sequenceLength) {
			throw new TrainingException("The truncated BPTT length (" + tbptt + ") is longer than the sequence length ("
					+ sequenceLength + "). Make it at most the sequence length.");
		}
		String text = corpus.text();
		int validationLength = p.getDouble("validationFraction") > 0
				? Math.max(sequenceLength + 1, (int) (text.length() * p.getDouble("validationFraction")))
				: 0;
		int needed = sequenceLength + 1 + validationLength;
		if (text.length() < 2 * (sequenceLength + 1) || text.length() < needed + sequenceLength + 1) {
			throw new TrainingException(String.format(Locale.ROOT, "The corpus is too small: %,d characters. With "
					+ "sequences of %d characters and %s held out for validation it needs at least %,d. Add text or "
					+ "shorten the sequence length.", text.length(), sequenceLength,
					validationLength == 0 ? "none" : String.format(Locale.ROOT, "%,d", validationLength),
					Math.max(2 * (sequenceLength + 1), needed + sequenceLength + 1)));
		}
		String vocabulary = vocabularyOf(text);
		int[] encoded = encode(text, vocabulary);
		int split = encoded.length - validationLength;
		int[] train = java.util.Arrays.copyOfRange(encoded, 0, split);
		int[] validation = java.util.Arrays.copyOfRange(encoded, split, encoded.length);
		Dl4jCharNets.Shape shape = new Dl4jCharNets.Shape(vocabulary.length(), p.getInt("layers"), p.getInt("units"),
				p.getDouble("dropout"), p.getDouble("learningRate"), tbptt);
		progress.subTask("Building the network");
		MultiLayerNetwork net = Dl4jCharNets.create(shape, request.seed());
		String warning = smallCorpusWarning(text.length(), net.numParams());
		if (warning != null) {
			LOG.log(System.Logger.Level.WARNING, warning);
			progress.subTask(warning);
		}
		CharLstmSession session = new CharLstmSession(info, request, vocabulary, train, validation, net, warning);
		if (request.resumeFrom().isPresent()) {
			session.restore(request.resumeFrom().get());
		}
		return session;
	}

	/** A warning for a corpus with fewer characters than the network has parameters; null if it is big enough. */
	static String smallCorpusWarning(int characters, long parameters) {
		if (characters >= parameters) {
			return null;
		}
		return String.format(Locale.ROOT, "Small corpus: %,d characters for a network of %,d parameters. Expect it to "
				+ "memorise the text: the validation loss will stop falling and rise while the training loss falls. "
				+ "Use fewer units or layers, dropout, or more text.", characters, parameters);
	}

	private static String vocabularyOf(String text) {
		TreeSet<Character> chars = new TreeSet<>();
		for (int i = 0; i < text.length(); i++) {
			chars.add(text.charAt(i));
		}
		StringBuilder b = new StringBuilder();
		chars.forEach(b::append);
		return b.toString();
	}

	private static int[] encode(String text, String vocabulary) {
		int[] out = new int[text.length()];
		for (int i = 0; i < out.length; i++) {
			out[i] = vocabulary.indexOf(text.charAt(i));
		}
		return out;
	}

	/** The warning about the corpus size, or null. */
	public String warning() {
		return warning;
	}

	/** The characters the network reads and writes. */
	public String vocabulary() {
		return vocabulary;
	}

	@Override
	public long step() {
		return step;
	}

	@Override
	public long totalSteps() {
		return parameters.getInt("steps");
	}

	@Override
	public List<Metric> trainStep() throws TrainingException {
		SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (step + 1)));
		int[][] sequences = new int[batchSize][];
		for (int b = 0; b < batchSize; b++) {
			int start = random.nextInt(train.length - sequenceLength);
			sequences[b] = java.util.Arrays.copyOfRange(train, start, start + sequenceLength + 1);
		}
		INDArray[] batch = Dl4jCharNets.batch(sequences, vocabulary.length());
		net.fit(batch[0], batch[1]);
		net.rnnClearPreviousState();
		double loss = net.score() / lastSegmentLength();
		step++;
		if (!Double.isFinite(loss)) {
			throw new TrainingException(String.format(Locale.ROOT, "The training loss became %s at step %d, so the "
					+ "run stops here and keeps its last good checkpoint. Lower the learning rate (now %s) and start "
					+ "again or resume from that checkpoint.", Double.isNaN(loss) ? "NaN" : "infinite", step,
					parameters.getDouble("learningRate")));
		}
		List<Metric> metrics = new ArrayList<>();
		metrics.add(Metric.now(step, "loss", loss));
		if (validation.length > 0 && (step % parameters.getInt("validateEvery") == 0 || step == 1 || isFinished())) {
			metrics.add(Metric.now(step, "valLoss", validationLoss()));
		}
		return metrics;
	}

	/** DL4J scores a truncated-BPTT fit by its last segment, summed over time steps. */
	private int lastSegmentLength() {
		int tbptt = parameters.getInt("tbptt");
		int rest = sequenceLength % tbptt;
		return rest == 0 ? tbptt : rest;
	}

	/** The mean cross-entropy, in nats per character, of the held-out text. */
	public double validationLoss() {
		int length = sequenceLength;
		int usable = Math.min(validation.length - 1, MAX_VALIDATION_CHARACTERS);
		int count = Math.max(1, usable / length);
		length = Math.min(length, validation.length - 1);
		int[][] sequences = new int[count][];
		for (int s = 0; s < count; s++) {
			sequences[s] = java.util.Arrays.copyOfRange(validation, s * length, s * length + length + 1);
		}
		INDArray[] batch = Dl4jCharNets.batch(sequences, vocabulary.length());
		net.rnnClearPreviousState();
		INDArray out = net.output(batch[0], false);
		net.rnnClearPreviousState();
		double sum = 0;
		for (int s = 0; s < count; s++) {
			for (int t = 0; t < length; t++) {
				double p = out.getDouble(s, sequences[s][t + 1], t);
				sum -= Math.log(Math.max(p, 1e-30));
			}
		}
		return sum / ((double) count * length);
	}

	/** The network as a plain-Java {@link CharLstm}. */
	public CharLstm model() {
		return Dl4jCharNets.toCharLstm(net, vocabulary);
	}

	@Override
	public List<Artifact> samples() throws TrainingException {
		Provenance provenance = new Provenance(info.id(), info.version(), null, null, parameters.asStrings(), seed, null,
				List.of(), Instant.now());
		String prime = parameters.getString("samplePrime");
		PoemWriter.Settings settings = new PoemWriter.Settings(prime, parameters.getDouble("sampleTemperature"), 0,
				parameters.getInt("sampleLength"), PoemWriter.Unit.CHARACTERS, 0);
		String text;
		try {
			text = PoemWriter.write(model(), settings, seed);
		} catch (IllegalArgumentException e) {
			throw new TrainingException("Cannot sample: " + e.getMessage(), e);
		}
		String header = String.format(Locale.ROOT, "step %d, temperature %s%n%s", step,
				parameters.getDouble("sampleTemperature"), warning == null ? "" : warning + "\n");
		return List.of(Artifact.text("sample", header + "\n" + text, provenance));
	}

	@Override
	public void saveCheckpoint(Path file) throws IOException {
		if (!finite()) {
			throw new IOException("The network's weights are not finite numbers; no checkpoint is written.");
		}
		Path temporary = Files.createTempFile(runDirectory, ".network-", ".zip");
		try {
			SafeModelSerializer.writeModel(net, temporary, true);
			try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
				zip.putNextEntry(new ZipEntry(STATE_ENTRY));
				DataOutputStream data = new DataOutputStream(zip);
				data.writeInt(MAGIC);
				data.writeLong(step);
				data.writeUTF(vocabulary);
				data.flush();
				zip.closeEntry();
				zip.putNextEntry(new ZipEntry(NETWORK_ENTRY));
				Files.copy(temporary, zip);
				zip.closeEntry();
			}
		} catch (RuntimeUnavailableException e) {
			throw new IOException(e.getMessage(), e);
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	private boolean finite() {
		INDArray params = net.params();
		return !params.isNaN().any() && !params.isInfinite().any();
	}

	private void restore(Path checkpoint) throws TrainingException {
		String name = checkpoint.getFileName().toString();
		byte[] state = null;
		byte[] network = null;
		try (InputStream in = Files.newInputStream(checkpoint); ZipInputStream zip = new ZipInputStream(in)) {
			for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
				if (e.getName().equals(STATE_ENTRY)) {
					state = zip.readAllBytes();
				} else if (e.getName().equals(NETWORK_ENTRY)) {
					network = zip.readAllBytes();
				}
			}
		} catch (IOException e) {
			throw new TrainingException("The checkpoint " + name + " cannot be read: " + e.getMessage(), e);
		}
		if (state == null || network == null) {
			throw new TrainingException("The checkpoint " + name + " is not a character-LSTM checkpoint.");
		}
		try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(state))) {
			if (data.readInt() != MAGIC) {
				throw new TrainingException("The checkpoint " + name + " is not a character-LSTM checkpoint.");
			}
			long savedStep = data.readLong();
			if (!data.readUTF().equals(vocabulary)) {
				throw new TrainingException("The checkpoint " + name + " was made from a text with other characters; "
						+ "the corpus has changed since. Start a new run.");
			}
			MultiLayerNetwork saved = readNetwork(network);
			if (saved.numParams() != net.numParams()) {
				throw new TrainingException("The checkpoint " + name + " holds a network of another size than the "
						+ "parameters ask for. Resume with the run's own parameters.");
			}
			net.clear();
			net = saved;
			step = savedStep;
		} catch (IOException | RuntimeUnavailableException e) {
			throw new TrainingException("The checkpoint " + name + " cannot be read: " + e.getMessage(), e);
		}
	}

	private MultiLayerNetwork readNetwork(byte[] bytes) throws IOException, RuntimeUnavailableException {
		Path temporary = Files.createTempFile(runDirectory, ".network-", ".zip");
		try {
			Files.write(temporary, bytes);
			return SafeModelSerializer.standard().restoreMultiLayerNetwork(temporary, true);
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	@Override
	public void exportModel(Path directory) throws IOException {
		if (!finite()) {
			throw new IOException("The network's weights are not finite numbers; the model is not exported.");
		}
		CharLstmFiles.write(model(), directory.resolve(CharLstmFiles.FILE_NAME));
	}

	@Override
	public Map<String, String> architecture() {
		Map<String, String> a = new LinkedHashMap<>();
		a.put("model", "character LSTM (DL4J)");
		a.put("layers", Integer.toString(parameters.getInt("layers")));
		a.put("units", Integer.toString(parameters.getInt("units")));
		a.put("vocabulary", Integer.toString(vocabulary.length()));
		a.put("parameters", Long.toString(net.numParams()));
		a.put("trainingCharacters", Integer.toString(train.length));
		a.put("validationCharacters", Integer.toString(validation.length));
		if (warning != null) {
			a.put("warning", warning);
		}
		return a;
	}

	@Override
	public void close() {
		net.clear();
	}
}
