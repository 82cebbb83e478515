package org.neurograph.music.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.neurograph.api.Artifact;
import org.neurograph.api.MediaKind;
import org.neurograph.api.ParameterValues;
import org.neurograph.api.Progress;
import org.neurograph.api.Provenance;
import org.neurograph.api.training.Metric;
import org.neurograph.api.training.TrainerInfo;
import org.neurograph.api.training.TrainingException;
import org.neurograph.api.training.TrainingRequest;
import org.neurograph.api.training.TrainingSession;
import org.neurograph.music.MusicException;
import org.neurograph.music.Tune;
import org.neurograph.music.TuneCollection;
import org.neurograph.music.TuneHeader;
import org.neurograph.music.TuneModel;
import org.neurograph.music.TuneTokens;
import org.neurograph.music.TuneWriter;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;
import org.neurograph.runtime.dl4j.SafeModelSerializer;

/**
 * One tune-LSTM training: the collection's tunes as token streams (the training tunes also in every transposition
 * up to the asked number of semitones, the held-out tunes as written), the DL4J network and the step count. The
 * tunes are split into training and validation tunes by a shuffle that depends only on the seed; minibatch
 * {@code k} depends only on the seed and {@code k}; a checkpoint holds the network with its updater state, so a
 * resumed run continues where it stopped (exactly so without dropout).
 */
public final class TuneLstmSession implements TrainingSession {

	private static final System.Logger LOG = System.getLogger(TuneLstmSession.class.getName());
	private static final int MAGIC = 0x4E47544C; // "NGTL"
	private static final String STATE_ENTRY = "state.bin";
	private static final String NETWORK_ENTRY = "network.zip";
	/** The most held-out tokens one validation reads. */
	static final int MAX_VALIDATION_TOKENS = 16_384;
	/** Samples taken at each sampling step. */
	static final int SAMPLES = 2;

	private final TrainerInfo info;
	private final ParameterValues parameters;
	private final Path runDirectory;
	private final long seed;
	private final List<String> vocabulary;
	private final int[] train;
	private final int[] validation;
	private final Map<String, String> data;
	private MultiLayerNetwork net;
	private final int sequenceLength;
	private final int batchSize;
	private long step;

	private TuneLstmSession(TrainerInfo info, TrainingRequest request, List<String> vocabulary, int[] train,
			int[] validation, MultiLayerNetwork net, Map<String, String> data) {
		this.info = info;
		this.parameters = request.parameters();
		this.runDirectory = request.runDirectory();
		this.seed = request.seed();
		this.vocabulary = vocabulary;
		this.train = train;
		this.validation = validation;
		this.net = net;
		this.data = data;
		this.sequenceLength = parameters.getInt("sequenceLength");
		this.batchSize = parameters.getInt("batchSize");
	}

	/** Tokenises the collection, builds (or restores) the network and returns a session. */
	public static TuneLstmSession open(TrainerInfo info, TrainingRequest request, TuneCollection collection,
			Progress progress) throws TrainingException {
		ParameterValues p = request.parameters();
		int sequenceLength = p.getInt("sequenceLength");
		int tbptt = p.getInt("tbptt");
		if (tbptt > sequenceLength) {
			throw new TrainingException("The truncated BPTT length (" + tbptt + ") is longer than the sequence length ("
					+ sequenceLength + "). Make it at most the sequence length.");
		}
		progress.subTask("Turning " + collection.tunes().size() + " tunes into tokens");
		List<List<String>> usable = new ArrayList<>();
		List<Tune> usableTunes = new ArrayList<>();
		List<String> leftOut = new ArrayList<>(collection.skipped());
		for (Tune t : collection.tunes()) {
			try {
				usable.add(TuneTokens.encode(t, 0));
				usableTunes.add(t);
			} catch (MusicException e) {
				leftOut.add(e.getMessage());
			}
		}
		if (usable.size() < 2) {
			throw new TrainingException("The collection has " + usable.size() + " tune(s) that can be learned; at least 2"
					+ " are needed (one to train on, one to validate)." + (leftOut.isEmpty() ? "" : " Left out: "
							+ leftOut.get(0)));
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < usable.size(); i++) {
			order.add(i);
		}
		Collections.shuffle(order, new Random(request.seed()));
		double fraction = p.getDouble("validationFraction");
		int held = fraction > 0 ? Math.max(1, (int) Math.round(usable.size() * fraction)) : 0;
		held = Math.min(held, usable.size() - 1);
		int transpose = p.getInt("transpose");
		List<List<String>> trainTunes = new ArrayList<>();
		List<List<String>> validationTunes = new ArrayList<>();
		int transposed = 0;
		for (int k = 0; k < order.size(); k++) {
			int i = order.get(k);
			if (k < held) {
				validationTunes.add(usable.get(i));
				continue;
			}
			trainTunes.add(usable.get(i));
			for (int s = -transpose; s <= transpose; s++) {
				if (s == 0) {
					continue;
				}
				try {
					trainTunes.add(TuneTokens.encode(usableTunes.get(i), s));
					transposed++;
				} catch (MusicException e) {
					// out of range or too many accidentals in that key: that copy is left out
				}
			}
			if (progress.isCancelled()) {
				throw new TrainingException("Cancelled while preparing the tunes.");
			}
		}
		TreeSet<String> tokens = new TreeSet<>();
		trainTunes.forEach(tokens::addAll);
		validationTunes.forEach(tokens::addAll);
		if (tokens.size() > TuneModel.MAX_TOKENS) {
			throw new TrainingException("The tunes use " + tokens.size() + " different symbols; at most "
					+ TuneModel.MAX_TOKENS + " can be learned. Transpose less or remove unusual tunes.");
		}
		List<String> vocabulary = List.copyOf(tokens);
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < vocabulary.size(); i++) {
			index.put(vocabulary.get(i), i);
		}
		int[] train = stream(trainTunes, index);
		int[] validation = stream(validationTunes, index);
		if (train.length < sequenceLength + 2) {
			throw new TrainingException(String.format(Locale.ROOT, "The tunes are too short: %,d tokens to train on, "
					+ "fewer than a sequence of %d. Add tunes or shorten the sequence length.", train.length,
					sequenceLength));
		}
		TokenNets.Shape shape = new TokenNets.Shape(vocabulary.size(), p.getInt("embedding"), p.getInt("layers"),
				p.getInt("units"), p.getDouble("dropout"), p.getDouble("learningRate"), tbptt);
		progress.subTask("Building the network");
		MultiLayerNetwork net = TokenNets.create(shape, request.seed());
		Map<String, String> data = new LinkedHashMap<>();
		data.put("tunes", Integer.toString(usable.size()));
		data.put("trainingTunes", Integer.toString(trainTunes.size() - transposed));
		data.put("transposedCopies", Integer.toString(transposed));
		data.put("validationTunes", Integer.toString(validationTunes.size()));
		data.put("tunesLeftOut", Integer.toString(leftOut.size()));
		data.put("trainingTokens", Integer.toString(train.length));
		data.put("validationTokens", Integer.toString(validation.length));
		if (!leftOut.isEmpty()) {
			String note = leftOut.size() + " tunes were left out, e.g. " + leftOut.get(0);
			LOG.log(System.Logger.Level.INFO, note);
			progress.subTask(note);
		}
		TuneLstmSession session = new TuneLstmSession(info, request, vocabulary, train, validation, net, data);
		if (request.resumeFrom().isPresent()) {
			session.restore(request.resumeFrom().get());
		}
		return session;
	}

	/** The tunes one after the other, each after an {@link TuneTokens#END} (their own tokens end with one). */
	private static int[] stream(List<List<String>> tunes, Map<String, Integer> index) {
		int size = 1;
		for (List<String> t : tunes) {
			size += t.size();
		}
		int[] out = new int[size];
		out[0] = index.get(TuneTokens.END);
		int at = 1;
		for (List<String> t : tunes) {
			for (String token : t) {
				out[at++] = index.get(token);
			}
		}
		return out;
	}

	/** The tokens the network reads and writes. */
	public List<String> vocabulary() {
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
			sequences[b] = Arrays.copyOfRange(train, start, start + sequenceLength + 1);
		}
		INDArray[] batch = TokenNets.batch(sequences, vocabulary.size());
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
		if (validation.length > 2 && (step % parameters.getInt("validateEvery") == 0 || step == 1 || isFinished())) {
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

	/** The mean cross-entropy, in nats per token, of the held-out tunes. */
	public double validationLoss() {
		int length = Math.min(sequenceLength, validation.length - 1);
		int usable = Math.min(validation.length - 1, MAX_VALIDATION_TOKENS);
		int count = Math.max(1, usable / length);
		int[][] sequences = new int[count][];
		for (int s = 0; s < count; s++) {
			sequences[s] = Arrays.copyOfRange(validation, s * length, s * length + length + 1);
		}
		INDArray[] batch = TokenNets.batch(sequences, vocabulary.size());
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

	/** The network as a plain-Java model. */
	public TuneModel model() {
		return new TuneModel(TokenNets.toCharLstm(net), vocabulary);
	}

	@Override
	public List<Artifact> samples() throws TrainingException {
		Provenance provenance = new Provenance(info.id(), info.version(), null, null, parameters.asStrings(), seed, null,
				List.of(), Instant.now());
		TuneModel model = model();
		TuneWriter.Settings settings = new TuneWriter.Settings(parameters.getString("sampleMeter"),
				parameters.getString("sampleKey"), List.of(), parameters.getInt("sampleBars"),
				parameters.getDouble("sampleTemperature"));
		List<Artifact> samples = new ArrayList<>();
		for (int i = 0; i < SAMPLES; i++) {
			try {
				List<String> tokens = TuneWriter.write(model, settings, seed + i);
				String abc = TuneTokens.toAbc(tokens, "Sample " + (i + 1) + " at step " + step,
						List.of(new TuneHeader.Field('N', "temperature " + settings.temperature() + ", seed " + (seed + i))));
				samples.add(new Artifact("sample-" + (i + 1), MediaKind.MUSIC, "abc", "text/vnd.abc",
						abc.getBytes(StandardCharsets.UTF_8), provenance));
			} catch (MusicException e) {
				throw new TrainingException("Cannot sample: " + e.getMessage(), e);
			}
		}
		return samples;
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
				DataOutputStream d = new DataOutputStream(zip);
				d.writeInt(MAGIC);
				d.writeLong(step);
				d.writeInt(vocabulary.size());
				for (String t : vocabulary) {
					d.writeUTF(t);
				}
				d.flush();
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
			throw new TrainingException("The checkpoint " + name + " is not a tune-LSTM checkpoint.");
		}
		try (DataInputStream d = new DataInputStream(new ByteArrayInputStream(state))) {
			if (d.readInt() != MAGIC) {
				throw new TrainingException("The checkpoint " + name + " is not a tune-LSTM checkpoint.");
			}
			long savedStep = d.readLong();
			int n = d.readInt();
			List<String> saved = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				saved.add(d.readUTF());
			}
			if (!saved.equals(vocabulary)) {
				throw new TrainingException("The checkpoint " + name + " was made from tunes with other symbols; the "
						+ "collection or the transposition has changed since. Start a new run.");
			}
			MultiLayerNetwork restored = readNetwork(network);
			if (restored.numParams() != net.numParams()) {
				throw new TrainingException("The checkpoint " + name + " holds a network of another size than the "
						+ "parameters ask for. Resume with the run's own parameters.");
			}
			net.clear();
			net = restored;
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
		model().write(directory);
	}

	@Override
	public Map<String, String> architecture() {
		Map<String, String> a = new LinkedHashMap<>();
		a.put("model", "tune LSTM over ABC tokens (DL4J; folk-rnn style)");
		a.put("embedding", Integer.toString(parameters.getInt("embedding")));
		a.put("layers", Integer.toString(parameters.getInt("layers")));
		a.put("units", Integer.toString(parameters.getInt("units")));
		a.put("tokens", Integer.toString(vocabulary.size()));
		a.put("parameters", Long.toString(net.numParams()));
		a.put("transpose", "±" + parameters.getInt("transpose") + " semitones");
		a.putAll(data);
		return a;
	}

	@Override
	public void close() {
		net.clear();
	}
}
