package org.neurograph.runtime.dl4j;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;
import org.neurograph.runtime.dl4j.internal.AtomicFiles;
import org.neurograph.runtime.dl4j.internal.ClassAllowList;
import org.neurograph.runtime.dl4j.internal.ModelZipScanner;
import org.neurograph.runtime.dl4j.internal.ModelZipWriter;

/**
 * Reads and writes DL4J model files (the zip archives of DL4J's {@code ModelSerializer}) safely.
 * <p>
 * Reading: the file is read once into memory and checked before DL4J sees it; DL4J then reads those same bytes.
 * A file is refused with an {@link UnsafeModelException} when it holds Java-serialized objects (which
 * {@code ModelSerializer} reads with a plain {@code ObjectInputStream}), configuration class names or normalizer
 * classes outside an allow-list. The standard list holds DL4J's and ND4J's own classes; a plugin whose models use
 * its own layers, activations or normalizers adds them with {@link #allowing(Class...)}.
 * <p>
 * Writing: atomically (a temporary file in the same folder, then a move), so a crash leaves the old file or the new
 * one, never a torn one.
 * <p>
 * Every method starts ND4J first ({@link Dl4jRuntime#start()}). Instances are immutable and thread-safe.
 */
public final class SafeModelSerializer {

	private static final SafeModelSerializer STANDARD = new SafeModelSerializer(ClassAllowList.standard());

	private final ClassAllowList allowList;

	private SafeModelSerializer(ClassAllowList allowList) {
		this.allowList = allowList;
	}

	/** A serializer that accepts DL4J's and ND4J's own classes only. */
	public static SafeModelSerializer standard() {
		return STANDARD;
	}

	/** A serializer that also accepts {@code classes} and their superclasses. */
	public SafeModelSerializer allowing(Class<?>... classes) {
		return new SafeModelSerializer(allowList.plus(classes));
	}

	/** Checks {@code file} without loading it. */
	public void check(Path file) throws IOException {
		read(file);
	}

	/** Loads a {@link MultiLayerNetwork}, with its updater state if {@code loadUpdater} (to continue training). */
	public MultiLayerNetwork restoreMultiLayerNetwork(Path file, boolean loadUpdater)
			throws IOException, RuntimeUnavailableException {
		Dl4jRuntime.start();
		byte[] bytes = read(file);
		try {
			return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), loadUpdater);
		} catch (RuntimeException e) {
			throw notLoadable(file, "network", e);
		}
	}

	/** Loads a {@link ComputationGraph}, with its updater state if {@code loadUpdater}. */
	public ComputationGraph restoreComputationGraph(Path file, boolean loadUpdater)
			throws IOException, RuntimeUnavailableException {
		Dl4jRuntime.start();
		byte[] bytes = read(file);
		try {
			return ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes), loadUpdater);
		} catch (RuntimeException e) {
			throw notLoadable(file, "computation graph", e);
		}
	}

	/** Loads the normalizer saved in the model file, if it has one. */
	public Optional<Normalizer<?>> restoreNormalizer(Path file) throws IOException, RuntimeUnavailableException {
		Dl4jRuntime.start();
		byte[] bytes = read(file);
		try (InputStream in = new ByteArrayInputStream(bytes)) {
			return Optional.ofNullable(ModelSerializer.restoreNormalizerFromInputStream(in));
		} catch (RuntimeException e) {
			throw notLoadable(file, "normalizer", e);
		}
	}

	/** Writes {@code model} to {@code file} atomically, with its updater state if {@code saveUpdater}. */
	public static void writeModel(Model model, Path file, boolean saveUpdater)
			throws IOException, RuntimeUnavailableException {
		writeModel(model, file, saveUpdater, null);
	}

	/** Writes {@code model} and {@code normalizer} (may be null) to {@code file} atomically. */
	public static void writeModel(Model model, Path file, boolean saveUpdater, DataNormalization normalizer)
			throws IOException, RuntimeUnavailableException {
		Dl4jRuntime.start();
		AtomicFiles.write(file, tmp -> ModelZipWriter.write(model, saveUpdater, normalizer, tmp));
	}

	private byte[] read(Path file) throws IOException {
		long limit = maxBytes();
		long size;
		try {
			if (!Files.isRegularFile(file)) {
				throw new IOException("Cannot open " + file + ": " + (Files.exists(file) ? "it is not a file."
						: "there is no such file."));
			}
			size = Files.size(file);
		} catch (NoSuchFileException e) {
			throw new IOException("Cannot open " + file + ": there is no such file.", e);
		}
		if (size > limit) {
			throw new IOException("Cannot open " + file + ": it is " + (size >> 20) + " MB, more than this "
					+ "workbench's memory allows (" + (limit >> 20) + " MB). Give Neurograph more memory (-Xmx).");
		}
		byte[] bytes = Files.readAllBytes(file);
		new ModelZipScanner(allowList, limit).scan(file.toString(), bytes);
		return bytes;
	}

	/** DL4J holds a model file and all its entries in memory at once: allow a quarter of the heap for each. */
	private static long maxBytes() {
		return Math.min(Integer.MAX_VALUE - 8L, Runtime.getRuntime().maxMemory() / 4);
	}

	private static IOException notLoadable(Path file, String what, RuntimeException e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return new IOException("Cannot open " + file + ": it does not hold a DL4J " + what + " that this version can "
				+ "read (" + root.getMessage() + ").", e);
	}
}
