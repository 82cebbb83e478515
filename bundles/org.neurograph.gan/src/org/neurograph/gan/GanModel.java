package org.neurograph.gan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neurograph.assets.AtomicFiles;
import org.neurograph.gan.internal.DcganConfig;
import org.neurograph.gan.internal.GeneratorOnnx;
import org.neurograph.gan.internal.Images;
import org.neurograph.gan.internal.OnnxService;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;
import org.neurograph.runtime.dl4j.SafeModelSerializer;
import org.neurograph.runtime.onnx.FloatTensor;
import org.neurograph.runtime.onnx.InferenceException;
import org.neurograph.runtime.onnx.InvalidModelException;
import org.neurograph.runtime.onnx.OnnxModel;
import org.neurograph.runtime.onnx.OnnxRuntime;
import org.neurograph.runtime.onnx.OnnxUnavailableException;

/**
 * A trained GAN generator loaded from a model folder ({@value #GENERATOR_FILE} and {@value #SETTINGS_FILE}, as the
 * GAN trainer exports them, and {@value #ONNX_FILE}, the same network as an ONNX graph): turns latent vectors into
 * images. It renders on one of two {@link Engine engines}: ONNX Runtime (the default, {@link #DEFAULT_ENGINE}: faster
 * on the measured sizes, see the bundle's README) or DL4J. A model folder without {@value #ONNX_FILE}, or with one
 * made from another {@value #GENERATOR_FILE}, gets it written (atomically) from {@value #GENERATOR_FILE} when the
 * ONNX engine is first used.
 * <p>
 * Rendering is deterministic: the same latent vector on the same engine with the same thread setting gives the same
 * pixels. The two engines agree to within about 1e-6 on the [-1, 1] scale, which can move a pixel by one level of
 * 255, so the engine is part of a work's provenance ({@link GanOutputs}). Thread-safe.
 */
public final class GanModel {
	/** The DL4J generator network in a model folder. */
	public static final String GENERATOR_FILE = "generator.zip";
	/** The GAN's settings (image size, channels, latent size) in a model folder. */
	public static final String SETTINGS_FILE = "gan.properties";
	/**
	 * The generator as an ONNX graph in a model folder, derived from {@value #GENERATOR_FILE} (whose SHA-256 it
	 * records) and rebuilt from it whenever it is missing or stale. It is a hidden file so that it is not part of the
	 * model's hash ({@code AssetCatalog.modelSha256}): writing it on first use must not change the hash that the
	 * provenance of works made earlier recorded.
	 */
	public static final String ONNX_FILE = ".generator.onnx";
	private static final int BATCH = 64;
	private static final Cleaner CLEANER = Cleaner.create();

	/** Where a generator runs. */
	public enum Engine {
		/** ONNX Runtime, on the generator exported as an ONNX graph. */
		ONNX("onnx"),
		/** DL4J (ND4J's CPU backend), on the trained network itself. */
		DL4J("dl4j");

		private final String id;

		Engine(String id) {
			this.id = id;
		}

		/** The name used in parameters and provenance: {@code onnx} or {@code dl4j}. */
		public String id() {
			return id;
		}

		/**
		 * The engine called {@code id} (case-insensitive).
		 *
		 * @throws IllegalArgumentException naming the engines there are
		 */
		public static Engine of(String id) {
			for (Engine e : values()) {
				if (e.id.equalsIgnoreCase(id.strip())) {
					return e;
				}
			}
			throw new IllegalArgumentException("There is no GAN engine '" + id + "'; choose 'onnx' or 'dl4j'.");
		}
	}

	/** The engine models loaded from a folder render on unless told otherwise. */
	public static final Engine DEFAULT_ENGINE = Engine.ONNX;

	private final DcganConfig config;
	private final Path folder; // null for a network in memory
	private final Engine engine;
	private final OnnxRuntime onnxRuntime; // null: looked up when first needed
	private MultiLayerNetwork generator;
	private OnnxModel onnx;

	private GanModel(DcganConfig config, Path folder, Engine engine, MultiLayerNetwork generator, OnnxRuntime runtime) {
		this.config = config;
		this.folder = folder;
		this.engine = engine;
		this.generator = generator;
		this.onnxRuntime = runtime;
	}

	/**
	 * Loads the model in {@code folder} for the {@link #DEFAULT_ENGINE}; the message of the exception says what is
	 * missing or wrong.
	 */
	public static GanModel load(Path folder) throws IOException, RuntimeUnavailableException {
		return load(folder, DEFAULT_ENGINE);
	}

	/**
	 * Loads the model in {@code folder} and readies {@code engine}, its engine for {@link #render(List)} (the other
	 * is readied when first asked for). For ONNX this writes {@value #ONNX_FILE} beside {@value #GENERATOR_FILE} when
	 * it is missing or was made from another generator file, and loads it through the ONNX runtime service.
	 *
	 * @throws IOException                 if a file is missing, damaged or refused; the message says which and why
	 * @throws RuntimeUnavailableException if DL4J is needed and cannot start
	 */
	public static GanModel load(Path folder, Engine engine) throws IOException, RuntimeUnavailableException {
		return load(folder, engine, null);
	}

	/**
	 * Like {@link #load(Path, Engine)}, with the ONNX runtime service to use (null: the registered one, looked up
	 * when needed).
	 */
	public static GanModel load(Path folder, Engine engine, OnnxRuntime runtime)
			throws IOException, RuntimeUnavailableException {
		Properties p = new Properties();
		try (InputStream in = Files.newInputStream(folder.resolve(SETTINGS_FILE))) {
			p.load(in);
		} catch (NoSuchFileException e) {
			throw new IOException("The model folder " + folder + " holds no " + SETTINGS_FILE
					+ ": it is not a GAN model. Choose a model trained by the image GAN trainer.", e);
		}
		DcganConfig config;
		try {
			config = DcganConfig.fromProperties(p);
		} catch (IllegalArgumentException e) {
			throw new IOException("The model's " + SETTINGS_FILE + " is damaged: " + e.getMessage() + ".", e);
		}
		if (!Files.isRegularFile(folder.resolve(GENERATOR_FILE))) {
			throw new IOException("The model folder " + folder + " holds no " + GENERATOR_FILE
					+ ": the GAN's export is incomplete. Export the model from its training run again.");
		}
		GanModel model = new GanModel(config, folder, engine, null, runtime);
		model.prepare(engine);
		return model;
	}

	/** Wraps a generator network in memory (e.g. during training); it renders on DL4J unless told otherwise. */
	public static GanModel of(MultiLayerNetwork generator, int size, int channels, int latentSize) {
		return new GanModel(new DcganConfig(size, channels, latentSize, 1, 0, 0, 0), null, Engine.DL4J, generator,
				null);
	}

	public int latentSize() {
		return config.latentSize();
	}

	/** Width and height of the images it makes. */
	public int imageSize() {
		return config.size();
	}

	/** 1 for grey, 3 for colour. */
	public int channels() {
		return config.channels();
	}

	/** The engine {@link #render(List)} uses. */
	public Engine engine() {
		return engine;
	}

	/**
	 * Readies {@code engine} (loads the DL4J network, or writes and loads the ONNX graph), so that rendering on it
	 * cannot fail for want of a file. Does nothing when it is ready.
	 *
	 * @throws IOException                 if a file is missing, damaged or refused; the message says which and why
	 * @throws RuntimeUnavailableException if DL4J is needed and cannot start
	 */
	public synchronized void prepare(Engine engine) throws IOException, RuntimeUnavailableException {
		if (engine == Engine.DL4J) {
			dl4j();
		} else {
			onnx();
		}
	}

	/** The image of each latent vector, in order, on {@link #engine()}. */
	public List<BufferedImage> render(List<float[]> latents) {
		return render(latents, engine);
	}

	/** The image of one latent vector, on {@link #engine()}. */
	public BufferedImage render(float[] latent) {
		return render(List.of(latent)).get(0);
	}

	/**
	 * The image of each latent vector, in order, on {@code engine}.
	 *
	 * @throws IllegalStateException if the engine cannot be readied (call {@link #prepare} first to get the reason
	 *                               as a checked exception)
	 */
	public List<BufferedImage> render(List<float[]> latents, Engine engine) {
		float[] pixels = pixels(latents, engine);
		int per = config.channels() * config.size() * config.size();
		List<BufferedImage> out = new ArrayList<>(latents.size());
		for (int i = 0; i < latents.size(); i++) {
			out.add(Images.fromPlanes(pixels, i * per, config.channels(), config.size()));
		}
		return out;
	}

	/**
	 * The generator's raw output for each latent vector on {@code engine}: {@code channels x size x size} values in
	 * [-1, 1] per vector (planes in R, G, B order for colour), one after the other.
	 *
	 * @throws IllegalArgumentException if a latent vector has the wrong length
	 * @throws IllegalStateException    if the engine cannot be readied or fails
	 */
	public float[] pixels(List<float[]> latents, Engine engine) {
		int latent = config.latentSize();
		int per = config.channels() * config.size() * config.size();
		float[] out = new float[latents.size() * per];
		for (int from = 0; from < latents.size(); from += BATCH) {
			List<float[]> part = latents.subList(from, Math.min(latents.size(), from + BATCH));
			float[] flat = new float[part.size() * latent];
			for (int i = 0; i < part.size(); i++) {
				float[] z = part.get(i);
				if (z.length != latent) {
					throw new IllegalArgumentException("a latent vector has " + z.length + " values; this model takes "
							+ latent);
				}
				System.arraycopy(z, 0, flat, i * latent, latent);
			}
			float[] batch = engine == Engine.DL4J ? outputDl4j(flat, part.size()) : outputOnnx(flat, part.size());
			System.arraycopy(batch, 0, out, from * per, batch.length);
		}
		return out;
	}

	/** The DL4J generator network (for export to other runtimes), loaded when first asked for. */
	public MultiLayerNetwork network() {
		try {
			return dl4j();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (RuntimeUnavailableException e) {
			throw new IllegalStateException(e.getMessage(), e);
		}
	}

	private float[] outputDl4j(float[] flat, int n) {
		MultiLayerNetwork net = network();
		synchronized (net) {
			INDArray z = Nd4j.create(flat, new long[] { n, config.latentSize() }, 'c');
			return net.output(z.castTo(DataType.FLOAT), false).dup('c').data().asFloat();
		}
	}

	private float[] outputOnnx(float[] flat, int n) {
		OnnxModel model;
		try {
			synchronized (this) {
				model = onnx();
			}
		} catch (IOException e) {
			throw new IllegalStateException(e.getMessage(), e);
		} catch (RuntimeUnavailableException e) {
			throw new IllegalStateException(e.getMessage(), e);
		}
		FloatTensor z = FloatTensor.allocate(n, config.latentSize());
		z.data().put(flat);
		Map<String, FloatTensor> out;
		try {
			out = model.run(Map.of(GeneratorOnnx.INPUT, z));
		} catch (InferenceException e) {
			throw new IllegalStateException("The GAN's ONNX graph failed: " + e.getMessage(), e);
		}
		FloatBuffer image = out.get(GeneratorOnnx.OUTPUT).data();
		float[] pixels = new float[image.remaining()];
		image.get(pixels);
		return pixels;
	}

	private synchronized MultiLayerNetwork dl4j() throws IOException, RuntimeUnavailableException {
		if (generator == null) {
			generator = SafeModelSerializer.standard().restoreMultiLayerNetwork(folder.resolve(GENERATOR_FILE), false);
		}
		return generator;
	}

	private synchronized OnnxModel onnx() throws IOException, RuntimeUnavailableException {
		if (onnx != null && !onnx.isClosed()) {
			return onnx;
		}
		try {
			OnnxRuntime runtime = onnxRuntime != null ? onnxRuntime : OnnxService.get();
			onnx = folder != null ? onnxOfFolder(runtime) : onnxInMemory(runtime);
			return onnx;
		} catch (OnnxUnavailableException e) {
			throw new IOException("ONNX Runtime cannot run here: " + e.getMessage(), e);
		} catch (InvalidModelException e) {
			throw new IOException(folder == null ? e.getMessage() : e.getMessage() + " Delete " + ONNX_FILE
					+ " from the model folder to have it made again from " + GENERATOR_FILE + ".", e);
		}
	}

	/** The folder's ONNX graph, written first when it is missing or was made from another generator file. */
	private OnnxModel onnxOfFolder(OnnxRuntime runtime)
			throws IOException, RuntimeUnavailableException, InvalidModelException, OnnxUnavailableException {
		Path file = folder.resolve(ONNX_FILE);
		String sha = GeneratorOnnx.sha256(folder.resolve(GENERATOR_FILE));
		if (!sha.equals(GeneratorOnnx.sourceOf(file))) {
			byte[] graph = GeneratorOnnx.export(dl4j(), config, sha);
			try {
				AtomicFiles.write(file, graph);
			} catch (IOException e) {
				// a read-only model folder: keep the graph in a temporary file for this session
				return temporary(runtime, graph);
			}
		}
		return runtime.load(file);
	}

	private OnnxModel onnxInMemory(OnnxRuntime runtime) throws IOException, InvalidModelException,
			OnnxUnavailableException {
		return temporary(runtime, GeneratorOnnx.export(generator, config, null));
	}

	/** Loads {@code graph} from a temporary file that is removed (with its session) when this model is collected. */
	private OnnxModel temporary(OnnxRuntime runtime, byte[] graph)
			throws IOException, InvalidModelException, OnnxUnavailableException {
		Path dir = Files.createTempDirectory("neurograph-gan");
		Path file = Files.write(dir.resolve(ONNX_FILE), graph);
		OnnxModel model = runtime.load(file);
		CLEANER.register(this, () -> {
			runtime.remove(dir);
			try {
				Files.deleteIfExists(file);
				Files.deleteIfExists(dir);
			} catch (IOException e) {
				// a stray temporary file is harmless
			}
		});
		return model;
	}
}
