package org.neurograph.training.testing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.neurograph.api.Artifact;
import org.neurograph.api.AssetKind;
import org.neurograph.api.MediaKind;
import org.neurograph.api.ParameterSpec;
import org.neurograph.api.ParameterValues;
import org.neurograph.api.Progress;
import org.neurograph.api.Provenance;
import org.neurograph.api.training.Metric;
import org.neurograph.api.training.Trainer;
import org.neurograph.api.training.TrainerInfo;
import org.neurograph.api.training.TrainingException;
import org.neurograph.api.training.TrainingRequest;
import org.neurograph.api.training.TrainingSession;

/**
 * A small real trainer made for the tests: fits {@code y = w·x + b} to the rows of a dataset's {@code data.csv}
 * ({@code x1,...,xn,y}) by minibatch gradient descent. Minibatch {@code k} depends only on the seed and {@code k}, and
 * a checkpoint holds the exact weights, so a resumed run computes exactly what an uninterrupted one does. Metrics:
 * {@code loss} (mean squared error on all rows) and {@code gradNorm}. Samples: the weights as text and a fit plot.
 * Too high a learning rate makes it diverge, as real training does.
 */
public final class LeastSquaresTrainer implements Trainer {
	/** The trainer's id. */
	public static final String ID = "org.neurograph.tests.leastsquares";
	private static final TrainerInfo INFO = new TrainerInfo(ID, "Least squares (test trainer)", "1.2.0",
			AssetKind.TEXT_CORPUS, MediaKind.TEXT, "Fits a linear model to data.csv by gradient descent.");
	private static final ParameterSpec SPEC = ParameterSpec.builder()
			.integer("steps", "Steps", "Minibatch updates to do.", 200, 1, 1_000_000)
			.decimal("learningRate", "Learning rate", "Step size of gradient descent.", 0.05, 0.0, 1000.0)
			.integer("batchSize", "Batch size", "Rows per minibatch.", 8, 1, 4096)
			.integer("pauseMillis", "Pause (ms)", "Sleeps after each step, so a test can act in the middle of a run.",
					0, 0, 1000)
			.build();
	private static final int MAGIC = 0x4C535131;
	private static final AtomicInteger OPEN = new AtomicInteger();

	/** Sessions opened and not yet closed, in this process. */
	public static int openSessions() {
		return OPEN.get();
	}

	@Override
	public TrainerInfo info() {
		return INFO;
	}

	@Override
	public ParameterSpec parameters() {
		return SPEC;
	}

	@Override
	public TrainingSession open(TrainingRequest request, Progress progress) throws TrainingException {
		progress.begin("Reading data.csv", -1);
		double[][] rows = read(request.dataset().resolve("data.csv"));
		Session s = new Session(request, rows);
		if (request.resumeFrom().isPresent()) {
			s.restore(request.resumeFrom().get());
		}
		OPEN.incrementAndGet();
		return s;
	}

	private static double[][] read(Path csv) throws TrainingException {
		List<String> lines;
		try {
			lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		} catch (NoSuchFileException e) {
			throw new TrainingException("The dataset has no data.csv: put rows 'x1,...,xn,y' in it.");
		} catch (IOException e) {
			throw new TrainingException("Cannot read " + csv + ": " + e.getMessage());
		}
		List<double[]> rows = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] cells = line.split(",");
			double[] row = new double[cells.length];
			for (int c = 0; c < cells.length; c++) {
				try {
					row[c] = Double.parseDouble(cells[c].strip());
				} catch (NumberFormatException e) {
					throw new TrainingException("data.csv line " + (i + 1) + ": '" + cells[c] + "' is not a number.");
				}
			}
			if (row.length < 2 || (!rows.isEmpty() && row.length != rows.get(0).length)) {
				throw new TrainingException("data.csv line " + (i + 1) + " has " + row.length
						+ " columns; every row needs the same number, at least 2.");
			}
			rows.add(row);
		}
		if (rows.isEmpty()) {
			throw new TrainingException("data.csv has no rows.");
		}
		return rows.toArray(double[][]::new);
	}

	/** One fit in progress; the last weight is the bias. */
	private static final class Session implements TrainingSession {
		private final double[][] rows;
		private final int features;
		private final double[] w;
		private final long total;
		private final double learningRate;
		private final int batchSize;
		private final int pauseMillis;
		private final long seed;
		private final ParameterValues parameters;
		private long step;
		private boolean closed;

		Session(TrainingRequest request, double[][] rows) {
			this.rows = rows;
			this.features = rows[0].length - 1;
			this.w = new double[features + 1];
			ParameterValues p = request.parameters();
			this.parameters = p;
			this.total = p.getInt("steps");
			this.learningRate = p.getDouble("learningRate");
			this.batchSize = p.getInt("batchSize");
			this.pauseMillis = p.getInt("pauseMillis");
			this.seed = request.seed();
		}

		void restore(Path checkpoint) throws TrainingException {
			try (InputStream in = Files.newInputStream(checkpoint); DataInputStream data = new DataInputStream(in)) {
				if (data.readInt() != MAGIC || data.readInt() != features) {
					throw new TrainingException("The checkpoint " + checkpoint.getFileName()
							+ " is not a least-squares checkpoint for this dataset.");
				}
				step = data.readLong();
				for (int i = 0; i < w.length; i++) {
					w[i] = data.readDouble();
				}
			} catch (IOException e) {
				throw new TrainingException("The checkpoint " + checkpoint.getFileName() + " cannot be read: " + e);
			}
		}

		@Override
		public long step() {
			return step;
		}

		@Override
		public long totalSteps() {
			return total;
		}

		@Override
		public List<Metric> trainStep() throws TrainingException {
			SplittableRandom random = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (step + 1));
			double[] gradient = new double[w.length];
			for (int b = 0; b < batchSize; b++) {
				double[] row = rows[random.nextInt(rows.length)];
				double error = predict(row) - row[features];
				for (int i = 0; i < features; i++) {
					gradient[i] += 2 * error * row[i] / batchSize;
				}
				gradient[features] += 2 * error / batchSize;
			}
			double norm = 0;
			for (int i = 0; i < w.length; i++) {
				w[i] -= learningRate * gradient[i];
				norm += gradient[i] * gradient[i];
			}
			step++;
			if (pauseMillis > 0) {
				try {
					Thread.sleep(pauseMillis);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new TrainingException("Interrupted.");
				}
			}
			return List.of(Metric.now(step, "loss", loss()), Metric.now(step, "gradNorm", Math.sqrt(norm)));
		}

		@Override
		public List<Artifact> samples() throws TrainingException {
			Provenance provenance = new Provenance(ID, INFO.version(), null, null, parameters.asStrings(), seed, null,
					List.of(), Instant.now());
			String text = String.format(Locale.ROOT, "step %d%nweights %s%nloss %.6g%n", step, Arrays.toString(w),
					loss());
			return List.of(Artifact.text("weights", text, provenance), Artifact.png("fit", plot(), provenance));
		}

		/** Predicted against true values of every row: the points close on the diagonal as the fit improves. */
		private byte[] plot() throws TrainingException {
			int size = 48;
			BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
			double lo = Double.MAX_VALUE;
			double hi = -Double.MAX_VALUE;
			for (double[] row : rows) {
				lo = Math.min(lo, row[features]);
				hi = Math.max(hi, row[features]);
			}
			double span = Math.max(hi - lo, 1e-9);
			for (double[] row : rows) {
				int x = (int) Math.round((row[features] - lo) / span * (size - 1));
				int y = (int) Math.round((predict(row) - lo) / span * (size - 1));
				if (x >= 0 && x < size && y >= 0 && y < size) {
					image.setRGB(x, size - 1 - y, Color.WHITE.getRGB());
				}
			}
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			try {
				ImageIO.write(image, "png", png);
			} catch (IOException e) {
				throw new TrainingException("Cannot draw the fit: " + e.getMessage());
			}
			return png.toByteArray();
		}

		@Override
		public void saveCheckpoint(Path file) throws IOException {
			try (OutputStream out = Files.newOutputStream(file); DataOutputStream data = new DataOutputStream(out)) {
				data.writeInt(MAGIC);
				data.writeInt(features);
				data.writeLong(step);
				for (double v : w) {
					data.writeDouble(v);
				}
			}
		}

		@Override
		public void exportModel(Path directory) throws IOException {
			StringBuilder b = new StringBuilder();
			for (int i = 0; i < w.length; i++) {
				b.append(i == 0 ? "" : ",").append(w[i]);
			}
			Files.writeString(directory.resolve("weights.csv"), b + "\n", StandardCharsets.UTF_8);
		}

		@Override
		public Map<String, String> architecture() {
			Map<String, String> a = new LinkedHashMap<>();
			a.put("model", "linear regression");
			a.put("inputs", Integer.toString(features));
			a.put("parameters", Integer.toString(w.length));
			return a;
		}

		@Override
		public void close() {
			if (!closed) {
				closed = true;
				OPEN.decrementAndGet();
			}
		}

		private double predict(double[] row) {
			double sum = w[features];
			for (int i = 0; i < features; i++) {
				sum += w[i] * row[i];
			}
			return sum;
		}

		private double loss() {
			double sum = 0;
			for (double[] row : rows) {
				double e = predict(row) - row[features];
				sum += e * e;
			}
			return sum / rows.length;
		}
	}
}
