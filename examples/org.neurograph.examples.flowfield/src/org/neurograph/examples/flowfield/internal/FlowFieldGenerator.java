package org.neurograph.examples.flowfield.internal;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;

import org.neurograph.api.Artifact;
import org.neurograph.api.ArtifactSink;
import org.neurograph.api.CancelledException;
import org.neurograph.api.GenerationException;
import org.neurograph.api.GenerationRequest;
import org.neurograph.api.Generator;
import org.neurograph.api.GeneratorInfo;
import org.neurograph.api.MediaKind;
import org.neurograph.api.ParameterSpec;
import org.neurograph.api.ParameterValues;
import org.neurograph.api.Progress;
import org.neurograph.api.Provenance;
import org.osgi.service.component.annotations.Component;

/**
 * A third-party generator as a third party writes one: one Declarative Services component implementing
 * {@link Generator}, depending on {@code org.neurograph.api} alone. It paints flow fields: particles drifting along
 * seeded noise leave tapered brush strokes.
 */
@Component(service = Generator.class)
public class FlowFieldGenerator implements Generator {
	/** The generator's id. */
	public static final String ID = "org.neurograph.examples.flowfield";

	private static final GeneratorInfo INFO = new GeneratorInfo(ID, "Flow field", "1.0.0", MediaKind.IMAGE,
			"Paints flowing brush strokes that follow a seeded noise field.");

	private static final ParameterSpec SPEC = ParameterSpec.builder()
			.integer("width", "Width (pixels)", "Width of each image.", 768, 16, 4096)
			.integer("height", "Height (pixels)", "Height of each image.", 768, 16, 4096)
			.choice("palette", "Palette", "The background and the colours of the strokes.", "ember",
					Arrays.stream(Palette.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList())
			.decimal("density", "Density", "How many strokes: 1 covers the canvas well, 0.2 is sparse, 3 is dense.", 1.0, 0.05, 4.0)
			.decimal("turbulence", "Turbulence", "How much the flow swirls: 0.2 is calm, 1 flowing, 5 tangled.", 1.0, 0.1, 8.0)
			.integer("strokeLength", "Stroke length", "Steps each stroke follows the flow (1.5 pixels each).", 100, 4, 400)
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
		Palette palette = Palette.byName(p.getString("palette"));
		progress.begin("Painting " + request.count() + " flow field" + (request.count() == 1 ? "" : "s"), request.count());
		for (int i = 0; i < request.count(); i++) {
			if (progress.isCancelled()) {
				throw new CancelledException();
			}
			long seed = request.seedFor(i);
			progress.subTask("image " + (i + 1) + " of " + request.count() + " (seed " + seed + ")");
			FlowFieldPainter.Settings settings = new FlowFieldPainter.Settings(seed, palette, p.getInt("width"),
					p.getInt("height"), p.getDouble("density"), p.getDouble("turbulence"), p.getInt("strokeLength"));
			BufferedImage image = FlowFieldPainter.paint(settings, progress::isCancelled);
			if (image == null) {
				throw new CancelledException();
			}
			sink.accept(Artifact.png("flowfield-" + palette.name().toLowerCase(Locale.ROOT) + "-" + Long.toUnsignedString(seed),
					PngEncoder.encode(image), Provenance.of(INFO, request, i)));
			progress.worked(1);
		}
	}
}
