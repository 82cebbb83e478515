package org.neurograph.style;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.neurograph.api.Artifact;
import org.neurograph.api.ArtifactSink;
import org.neurograph.api.GenerationException;
import org.neurograph.api.GenerationRequest;
import org.neurograph.api.Generator;
import org.neurograph.api.GeneratorInfo;
import org.neurograph.api.MediaKind;
import org.neurograph.api.Parameter;
import org.neurograph.api.ParameterSpec;
import org.neurograph.api.ParameterValues;
import org.neurograph.api.Progress;
import org.neurograph.api.Provenance;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;
import org.osgi.service.component.annotations.Component;

/**
 * Optimisation-based style transfer ({@link GatysTransfer}) as a generator: a content photo and a style painting,
 * no model needed. Works offline with the built-in random feature network; uses a VGG-16/19 ONNX file when the user
 * names one. Hands a progress image to the host every K iterations (as its own work), then the final image.
 */
@Component(service = Generator.class)
public class GatysGenerator implements Generator {

	/** The generator's id. */
	public static final String ID = "org.neurograph.style.gatys";

	private static final GeneratorInfo INFO = new GeneratorInfo(ID, "Style transfer by optimisation (Gatys)", "1.0.0",
			MediaKind.IMAGE, "Repaints a photo in the style of any painting by gradient descent on the pixels; slow, "
					+ "but needs no trained style model.");

	private static final List<String> IMAGES = Images.EXTENSIONS;

	private static final ParameterSpec SPEC = ParameterSpec.builder()
			.path("content", "Photo", "The image to repaint.", null, Parameter.PathKind.EXISTING_FILE, IMAGES)
			.path("style", "Painting", "The image whose style is transferred.", null, Parameter.PathKind.EXISTING_FILE,
					IMAGES)
			.integer("size", "Size", "The longer side of the result in pixels (the photo is scaled down to it).", 256,
					32, 1024)
			.integer("iterations", "Iterations", "Gradient steps; more give a stronger, cleaner style.", 200, 1, 5000)
			.integer("progressEvery", "Progress image every", "Keep the image every this many iterations (0: only "
					+ "the final image).", 50, 0, 5000)
			.decimal("contentWeight", "Content weight", "How closely the photo's shapes are kept.", 1.0, 0.0, 1000.0)
			.decimal("styleWeight", "Style weight", "How strongly the painting's textures and colours are imposed.",
					10.0, 0.0, 1000.0)
			.decimal("smoothness", "Smoothness", "Weight of the total-variation loss against pixel noise.", 0.5, 0.0,
					100.0)
			.decimal("learningRate", "Step size", "Adam's step on the pixels, in grey levels.", 4.0, 0.01, 50.0)
			.text("vgg", "VGG network (optional)", "An ONNX VGG-16 or VGG-19 file (the ONNX model zoo's); empty uses "
					+ "the built-in random feature network, which needs no download.", "", 4096)
			.build();

	@Override
	public GeneratorInfo info() {
		return INFO;
	}

	@Override
	public ParameterSpec parameters() {
		return SPEC;
	}

	@Override
	public void generate(GenerationRequest request, ArtifactSink sink, Progress progress) throws GenerationException {
		ParameterValues p = request.parameters();
		int size = p.getInt("size");
		BufferedImage content = read(p.getPath("content"), size);
		BufferedImage style = read(p.getPath("style"), size);
		FeatureNetwork network = network(p.getString("vgg"));
		GatysTransfer.Settings settings = new GatysTransfer.Settings(p.getInt("iterations"), p.getDouble("contentWeight"),
				p.getDouble("styleWeight"), p.getDouble("smoothness"), p.getDouble("learningRate"),
				p.getInt("progressEvery"));
		String base = baseName(p.getPath("content"), p.getPath("style"));
		Provenance provenance = Provenance.of(INFO, request, 0).withParents(
				List.of(p.getPath("content").toAbsolutePath().toString(), p.getPath("style").toAbsolutePath().toString()));
		progress.begin("Style transfer by optimisation (" + network.description() + ")", settings.iterations());
		try {
			new GatysTransfer(network).run(content, style, settings, (iteration, loss, image) -> {
				String name = iteration == settings.iterations() ? base : base + "-step" + iteration;
				sink.accept(Artifact.png(name, Images.png(image), provenance));
				progress.subTask("iteration " + iteration + " of " + settings.iterations() + ", loss "
						+ String.format(Locale.ROOT, "%.4f", loss));
			}, progress);
		} catch (RuntimeUnavailableException e) {
			throw new GenerationException(e.getMessage(), e);
		}
	}

	private static FeatureNetwork network(String vgg) throws GenerationException {
		if (vgg == null || vgg.isBlank()) {
			return new RandomFeatureNetwork();
		}
		try {
			return VggFeatureNetwork.load(Path.of(vgg.strip()));
		} catch (StyleModelException e) {
			throw new GenerationException(e.getMessage(), e);
		} catch (InvalidPathException e) {
			throw new GenerationException("'" + vgg + "' is not a valid path: " + e.getReason() + ".");
		}
	}

	private static BufferedImage read(Path file, int size) throws GenerationException {
		try {
			return GatysTransfer.fit(Images.read(file), size);
		} catch (IOException e) {
			throw new GenerationException(e.getMessage(), e);
		}
	}

	private static String baseName(Path content, Path style) {
		String base = stem(content) + "-in-style-of-" + stem(style);
		String safe = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^[^A-Za-z0-9]+", "");
		safe = safe.isEmpty() ? "styled" : safe;
		return safe.length() > 80 ? safe.substring(0, 80) : safe;
	}

	private static String stem(Path file) {
		return file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
	}
}
