package org.neurograph.style;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.neurograph.api.Artifact;
import org.neurograph.api.ArtifactSink;
import org.neurograph.api.GenerationException;
import org.neurograph.api.GenerationRequest;
import org.neurograph.api.Generator;
import org.neurograph.api.GeneratorInfo;
import org.neurograph.api.MediaKind;
import org.neurograph.api.ModelRef;
import org.neurograph.api.ParameterSpec;
import org.neurograph.api.Progress;
import org.neurograph.api.Provenance;
import org.neurograph.runtime.onnx.OnnxRuntime;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Applies an imported fast style model to an image, or to every image of a folder (one work per image, in name
 * order; the request's count is not used). Any size works: large images are styled in blended tiles. Each work's
 * provenance names the model and its SHA-256, every parameter, and the input image as its parent.
 */
@Component(service = Generator.class)
public class FastStyleGenerator implements Generator {

	/** The generator's id. */
	public static final String ID = "org.neurograph.style.fast";

	private static final GeneratorInfo INFO = new GeneratorInfo(ID, "Fast style transfer", "1.0.0", MediaKind.IMAGE,
			"Paints a photo in the style of an imported fast style model (ONNX or ml5 checkpoint), at any size.");

	private static final ParameterSpec SPEC = ParameterSpec.builder()
			.text("input", "Image or folder", "An image file (PNG, JPEG, BMP, GIF, PPM), or a folder: then every image "
					+ "in it is styled.", null, 4096)
			.decimal("strength", "Strength", "0 keeps the original, 1 is the full style; between blends the two.", 1.0,
					0.0, 1.0)
			.flag("keepColours", "Keep original colours", "Transfer only the style's light and dark (luminance); "
					+ "the colours stay the photo's.", false)
			.integer("tileSize", "Tile size", "Images larger than this are styled in overlapping tiles of this size "
					+ "(pixels, rounded down to a multiple of 4). Smaller tiles use less memory.", 512, 64, 2048)
			.integer("overlap", "Tile overlap", "Pixels neighbouring tiles share; seams are blended across them "
					+ "(at most a quarter of the tile size).", 64, 0, 512)
			.build();

	@Reference
	private OnnxRuntime onnx;

	@Override
	public GeneratorInfo info() {
		return INFO;
	}

	@Override
	public ParameterSpec parameters() {
		return SPEC;
	}

	@Override
	public boolean requiresModel() {
		return true;
	}

	@Override
	public void generate(GenerationRequest request, ArtifactSink sink, Progress progress) throws GenerationException {
		ModelRef modelRef = request.model().orElseThrow(
				() -> new GenerationException("Fast style transfer needs a style model: import one first."));
		StyleOptions options = options(request);
		List<Path> inputs = inputs(request.parameters().getString("input"));
		StyleModel model;
		try {
			model = StyleModel.open(onnx, modelRef.location());
		} catch (StyleModelException e) {
			throw new GenerationException("The style model '" + modelRef.name() + "' cannot be used: " + e.getMessage(), e);
		}
		Stylizer stylizer = new Stylizer(model);
		progress.begin("Styling " + inputs.size() + " image(s) with '" + modelRef.name() + "'", -1);
		for (int i = 0; i < inputs.size(); i++) {
			Path input = inputs.get(i);
			progress.subTask(input.getFileName() + " (" + (i + 1) + " of " + inputs.size() + ")");
			BufferedImage image;
			try {
				image = Images.read(input);
			} catch (IOException e) {
				throw new GenerationException(e.getMessage(), e);
			}
			BufferedImage styled;
			try {
				styled = stylizer.apply(image, options, progress);
			} catch (StyleModelException e) {
				throw new GenerationException(e.getMessage(), e);
			}
			Provenance provenance = Provenance.of(INFO, request, Math.min(i, request.count() - 1))
					.withParents(List.of(input.toAbsolutePath().toString()));
			sink.accept(Artifact.png(artifactName(input, modelRef.name()), Images.png(styled), provenance));
		}
	}

	private static StyleOptions options(GenerationRequest request) throws GenerationException {
		int tile = request.parameters().getInt("tileSize") / 4 * 4;
		int overlap = request.parameters().getInt("overlap");
		if (overlap > tile / 4) {
			throw new GenerationException("The tile overlap (" + overlap + ") is more than a quarter of the tile size ("
					+ tile + "): lower the overlap to at most " + tile / 4 + ".");
		}
		return new StyleOptions(request.parameters().getDouble("strength"),
				request.parameters().getBoolean("keepColours"), tile, overlap);
	}

	/** The image, or the folder's images in name order. */
	static List<Path> inputs(String text) throws GenerationException {
		Path path;
		try {
			path = Path.of(text.strip());
		} catch (InvalidPathException e) {
			throw new GenerationException("'" + text + "' is not a valid path: " + e.getReason() + ".");
		}
		if (text.isBlank() || !Files.exists(path)) {
			throw new GenerationException("There is no image or folder at '" + text + "'. Choose an image file or a "
					+ "folder of images.");
		}
		if (!Files.isDirectory(path)) {
			if (!Images.isImage(path)) {
				throw new GenerationException("'" + path.getFileName() + "' is not an image file; choose a file ending in "
						+ String.join(", ", Images.EXTENSIONS.stream().map(e -> "." + e).toList()) + ".");
			}
			return List.of(path);
		}
		try (Stream<Path> files = Files.list(path)) {
			List<Path> images = files.filter(Files::isRegularFile).filter(Images::isImage).sorted().toList();
			if (images.isEmpty()) {
				throw new GenerationException("The folder '" + path + "' holds no images (" + String.join(", ",
						Images.EXTENSIONS) + ").");
			}
			return images;
		} catch (IOException e) {
			throw new GenerationException("Could not list the folder '" + path + "': " + e.getMessage(), e);
		}
	}

	private static String artifactName(Path input, String model) {
		String base = input.getFileName().toString().replaceFirst("\\.[^.]*$", "") + "-" + model;
		String safe = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^[^A-Za-z0-9]+", "");
		safe = safe.isEmpty() ? "styled" : safe;
		return safe.length() > 100 ? safe.substring(0, 100) : safe;
	}
}
