package org.neurograph.style;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.nd4j.shade.protobuf.InvalidProtocolBufferException;

import org.neurograph.api.AssetKind;
import org.neurograph.api.Parameter;
import org.neurograph.assets.AssetCatalog;
import org.neurograph.assets.AtomicFiles;
import org.neurograph.runtime.onnx.OnnxRuntime;
import org.neurograph.style.internal.Checkpoint;
import org.neurograph.style.internal.JohnsonNetwork;
import org.neurograph.style.internal.NormSplitter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.nd4j.shade.protobuf.InvalidProtocolBufferException;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

/**
 * Imports a fast style model into a project's {@code models/<name>/} folder, as an OSGi service: (a) an ONNX file
 * with the model zoo's convention (one input and one output of {@code 1 x 3 x H x W}, RGB 0..255), copied as it is;
 * (b) a deeplearn.js / ml5 checkpoint folder of the Johnson network, converted into an equivalent ONNX graph. Either
 * way the model is loaded and run once on a probe image before it is accepted, so a bad model (wrong shapes, wrong
 * inputs, a corrupt file, missing variables) is refused at import with a message that says what is wrong. The folder
 * is assembled under a hidden name and renamed into place: a failed import leaves nothing behind.
 */
@Component(service = StyleModelImporter.class)
public class StyleModelImporter {

	/** What {@code model.json} records as the model's format. */
	public static final String FORMAT = "fast-style-onnx";

	private static final int PROBE_SIZE = 64;

	@Reference
	private OnnxRuntime onnx;

	/** For Declarative Services. */
	public StyleModelImporter() {
	}

	/** An importer on {@code onnx} (for use outside Declarative Services). */
	public StyleModelImporter(OnnxRuntime onnx) {
		this.onnx = onnx;
	}

	/**
	 * Imports {@code source} (an {@code .onnx} file or a checkpoint folder) as the model {@code name} of the project
	 * in {@code projectDir} and returns the new model folder.
	 *
	 * @throws StyleModelException if the name is taken or invalid, or the model is refused; the message says why
	 */
	public Path importModel(Path source, Path projectDir, String name) throws StyleModelException {
		if (name == null || !Parameter.AssetRef.NAME.matcher(name).matches() || name.contains("..")) {
			throw new StyleModelException("'" + name + "' is not a valid model name: use letters, digits, spaces, "
					+ "'.', '-' and '_'.");
		}
		Path models = projectDir.resolve(AssetKind.MODEL.folder());
		Path target = models.resolve(name);
		if (Files.exists(target)) {
			throw new StyleModelException("The project already has a model called '" + name + "'. Choose another name.");
		}
		boolean checkpoint = Files.isDirectory(source);
		if (!checkpoint && !source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
			throw new StyleModelException("'" + source + "' is neither an .onnx file nor a checkpoint folder "
					+ "(manifest.json plus Variable files). Choose one of those.");
		}
		if (!checkpoint && !Files.isRegularFile(source)) {
			throw new StyleModelException("There is no file at '" + source + "'.");
		}
		if (!checkpoint) {
			probe(source);
			onnx.remove(source);
		}
		byte[] model;
		try {
			model = checkpoint ? JohnsonNetwork.toOnnx(Checkpoint.read(source)) : Files.readAllBytes(source);
		} catch (IOException e) {
			throw new StyleModelException("Could not read '" + source + "': " + e.getMessage(), e);
		}
		Path staging = models.resolve("." + name + ".import");
		try {
			deleteRecursively(staging);
			Files.createDirectories(staging);
			Path file = staging.resolve(StyleModel.MODEL_FILE);
			AtomicFiles.write(file, model);
			Optional<NormSplitter.Split> split = NormSplitter.split(model);
			if (split.isPresent()) {
				AtomicFiles.write(staging.resolve(StyleModel.STATISTICS_FILE), split.get().statistics());
				AtomicFiles.write(staging.resolve(StyleModel.TILES_FILE), split.get().tiles());
			}
			StyleModel style = probe(staging);
			AtomicFiles.writeString(staging.resolve(AssetCatalog.MODEL_JSON), card(name, source, checkpoint, style));
			onnx.remove(staging);
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
			return target;
		} catch (InvalidProtocolBufferException e) {
			throw new StyleModelException("'" + source.getFileName() + "' is not a valid ONNX model: " + e.getMessage(), e);
		} catch (IOException e) {
			throw new StyleModelException("Could not write the model into '" + models + "': " + e.getMessage()
					+ ". Check the free disk space and the folder's permissions.", e);
		} finally {
			onnx.remove(staging);
			try {
				deleteRecursively(staging);
			} catch (IOException e) {
				// a hidden leftover does no harm and is removed by the next import of the same name
			}
		}
	}

	/** Loads the model at {@code location} (a file or a model folder) and runs it once on a grey image. */
	private StyleModel probe(Path location) throws StyleModelException {
		StyleModel style = StyleModel.open(onnx, location);
		Path file = style.path();
		int h = style.fixedHeight() > 0 ? style.fixedHeight() : PROBE_SIZE;
		int w = style.fixedWidth() > 0 ? style.fixedWidth() : PROBE_SIZE;
		float[] grey = new float[3 * h * w];
		Arrays.fill(grey, 128f);
		float[] output = style.sharesStatistics() ? style.run(grey, h, w, style.statistics(grey, h, w))
				: style.run(grey, h, w);
		for (float v : output) {
			if (!Float.isFinite(v)) {
				throw new StyleModelException("'" + file.getFileName() + "' returns NaN or infinite values on a grey "
						+ "test image: its weights are corrupt.");
			}
		}
		return style;
	}

	private static String card(String name, Path source, boolean checkpoint, StyleModel style) {
		JsonObject o = new JsonObject();
		o.addProperty("name", name);
		o.addProperty("kind", AssetKind.MODEL.name());
		o.addProperty("mediaKind", "IMAGE");
		o.addProperty("format", FORMAT);
		o.addProperty("generator", FastStyleGenerator.ID);
		o.addProperty("architecture", checkpoint ? "Johnson et al. fast style network (converted from a deeplearn.js "
				+ "checkpoint)" : "ONNX fast style model (1 x 3 x H x W, RGB 0..255)");
		o.addProperty("source", source.getFileName().toString());
		o.addProperty("tileSize", style.fixedHeight() > 0 ? style.fixedWidth() + "x" + style.fixedHeight() : "any");
		o.addProperty("created", Instant.now().toString());
		return new GsonBuilder().setPrettyPrinting().create().toJson(o);
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}
}
