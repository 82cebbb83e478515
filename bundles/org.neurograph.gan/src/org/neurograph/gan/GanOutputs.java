package org.neurograph.gan;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neurograph.api.Artifact;
import org.neurograph.api.GeneratorInfo;
import org.neurograph.api.InvalidParametersException;
import org.neurograph.api.MediaKind;
import org.neurograph.api.ModelRef;
import org.neurograph.api.ParameterSpec;
import org.neurograph.api.ParameterValues;
import org.neurograph.api.Provenance;
import org.neurograph.assets.AssetCatalog;
import org.neurograph.gan.internal.Images;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;

/**
 * Turns latent vectors into artifacts of the GAN generator ({@link #INFO}) with full provenance: the seed, the
 * latent vector and, for bred, mutated or interpolated works, the parents. {@link #regenerate} makes a work again
 * from its provenance, bit for bit.
 */
public final class GanOutputs {
	/** The GAN generator's identity, recorded in every provenance. */
	public static final GeneratorInfo INFO = new GeneratorInfo("org.neurograph.gan", "Image GAN", "1.0.0",
			MediaKind.IMAGE, "Makes images with a GAN trained on your own images; each keeps its latent vector.");
	/** The parameter naming the engine ({@link GanModel.Engine#id()}); works made before it existed ran on DL4J. */
	public static final String ENGINE = "engine";
	/** The generator's parameters. */
	public static final ParameterSpec PARAMETERS = ParameterSpec.builder()
			.decimal("truncation", "Truncation", "Redraws latent values beyond this magnitude: lower gives more typical, "
					+ "cleaner images, 0 turns it off.", 0.0, 0.0, 4.0)
			.choice("outputSize", "Output size", "Width and height of the saved image; 'native' keeps the model's size.",
					"256", List.of("native", "64", "128", "256", "512", "1024"))
			.choice("upscaling", "Upscaling", "How the model's small image is enlarged.", "bicubic",
					List.of("nearest", "bilinear", "bicubic"))
			.choice(ENGINE, "Engine", "Where the generator runs: ONNX Runtime (faster) or DL4J. The two differ by at "
					+ "most a level of 255 in a pixel now and then, so the engine is recorded with each work.",
					GanModel.DEFAULT_ENGINE.id(), List.of(GanModel.Engine.ONNX.id(), GanModel.Engine.DL4J.id()))
			.build();

	private GanOutputs() {
	}

	/** The image of {@code latent} sized as {@code parameters} ask. */
	public static BufferedImage image(GanModel model, float[] latent, ParameterValues parameters) {
		return images(model, List.of(latent), parameters).get(0);
	}

	/** The images of {@code latents} sized as {@code parameters} ask. */
	public static List<BufferedImage> images(GanModel model, List<float[]> latents, ParameterValues parameters) {
		List<BufferedImage> raw = model.render(latents, engine(model, parameters));
		String size = parameters.getString("outputSize");
		if (size.equals("native")) {
			return raw;
		}
		int px = Integer.parseInt(size);
		Object hint = switch (parameters.getString("upscaling")) {
		case "nearest" -> RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR;
		case "bilinear" -> RenderingHints.VALUE_INTERPOLATION_BILINEAR;
		default -> RenderingHints.VALUE_INTERPOLATION_BICUBIC;
		};
		List<BufferedImage> out = new ArrayList<>(raw.size());
		for (BufferedImage img : raw) {
			out.add(Images.scale(img, px, hint));
		}
		return out;
	}

	/**
	 * A PNG artifact of {@code latent}; its provenance holds the model, the parameters, {@code seed}, the latent
	 * vector and {@code parents} (project-relative names of the works it came from; empty if none).
	 */
	public static Artifact artifact(GanModel model, ModelRef modelRef, ParameterValues parameters, long seed,
			float[] latent, List<String> parents) {
		return artifact("gan-" + Long.toUnsignedString(seed, 36), model, modelRef, parameters, Map.of(), seed, latent,
				parents);
	}

	/**
	 * A PNG artifact called {@code name} of {@code latent}, as {@link #artifact(GanModel, ModelRef, ParameterValues,
	 * long, float[], List)}, whose provenance also records {@code extra} entries (how the latent vector was found,
	 * e.g. the latent explorer's plane and coordinates) beside the parameters. {@link #regenerate} ignores them: the
	 * latent vector alone makes the work again.
	 */
	public static Artifact artifact(String name, GanModel model, ModelRef modelRef, ParameterValues parameters,
			Map<String, String> extra, long seed, float[] latent, List<String> parents) {
		Map<String, String> recorded = recorded(model, parameters);
		for (Map.Entry<String, String> e : extra.entrySet()) {
			if (recorded.putIfAbsent(e.getKey(), e.getValue()) != null) {
				throw new IllegalArgumentException("'" + e.getKey() + "' is a generator parameter, not an extra entry");
			}
		}
		Provenance provenance = new Provenance(INFO.id(), INFO.version(), modelRef.name(), modelRef.sha256(), recorded,
				seed, latent, parents, Instant.now());
		return Artifact.png(name, Images.png(image(model, latent, parameters)), provenance);
	}

	/**
	 * The reference to the GAN model asset {@code name} in {@code folder}, with the SHA-256 the workbench's generator
	 * panel and the command line record for it (of its one weights file, or of the list of its files' relative names
	 * and hashes; the {@code model.json} card and hidden files are not part of it).
	 */
	public static ModelRef modelRef(String name, Path folder) throws IOException {
		return new ModelRef(name, folder, AssetCatalog.modelSha256(folder));
	}

	/**
	 * The work a provenance record describes, made again: the recorded latent vector (or, if there is none, the one
	 * the seed and truncation give) rendered with the recorded parameters.
	 */
	public static Artifact regenerate(GanModel model, ModelRef modelRef, Provenance provenance) throws IOException {
		ParameterValues values;
		try {
			Map<String, String> own = new java.util.HashMap<>(provenance.parameters());
			own.keySet().retainAll(PARAMETERS.defaults().keySet()); // breeding records its own parameters too
			own.putIfAbsent(ENGINE, GanModel.Engine.DL4J.id()); // recorded before there was a choice: DL4J made it
			values = PARAMETERS.resolve(own);
		} catch (InvalidParametersException e) {
			throw new IOException("The provenance record's parameters do not fit this generator: " + e.getMessage(), e);
		}
		try {
			model.prepare(GanModel.Engine.of(values.getString(ENGINE)));
		} catch (RuntimeUnavailableException e) {
			throw new IOException(e.getMessage(), e);
		}
		float[] latent = provenance.latent() != null ? provenance.latent()
				: LatentTools.fromSeed(model.latentSize(), provenance.seed(), values.getDouble("truncation"));
		return artifact(model, modelRef, values, provenance.seed(), latent, provenance.parents());
	}

	/**
	 * The engine {@code parameters} name ({@value #ENGINE}), or the model's own when they name none (parameters of
	 * another generator's spec).
	 */
	public static GanModel.Engine engine(GanModel model, ParameterValues parameters) {
		String id = parameters.asStrings().get(ENGINE);
		return id == null || id.isBlank() ? model.engine() : GanModel.Engine.of(id);
	}

	/** The parameters as a provenance records them, always with the engine that rendered the work. */
	private static Map<String, String> recorded(GanModel model, ParameterValues parameters) {
		Map<String, String> values = new java.util.LinkedHashMap<>(parameters.asStrings());
		values.put(ENGINE, engine(model, parameters).id());
		return values;
	}

	/**
	 * An animated GIF of the spherical path from {@code a} to {@code b} in {@code frames} frames, each shown
	 * {@code delayMillis}; the parents are the works {@code a} and {@code b} came from.
	 */
	public static Artifact interpolationGif(GanModel model, ModelRef modelRef, ParameterValues parameters, float[] a,
			float[] b, int frames, int delayMillis, List<String> parents) throws IOException {
		List<BufferedImage> images = images(model, LatentTools.interpolate(a, b, frames), parameters);
		Provenance provenance = new Provenance(INFO.id(), INFO.version(), modelRef.name(), modelRef.sha256(),
				recorded(model, parameters), 0, null, parents, Instant.now());
		return new Artifact("gan-interpolation", MediaKind.IMAGE, "gif", "image/gif",
				AnimatedGif.encode(images, delayMillis), provenance);
	}
}
