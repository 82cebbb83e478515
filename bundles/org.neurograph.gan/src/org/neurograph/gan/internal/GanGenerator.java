package org.neurograph.gan.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.neurograph.api.Artifact;
import org.neurograph.api.ArtifactSink;
import org.neurograph.api.CancelledException;
import org.neurograph.api.GenerationException;
import org.neurograph.api.GenerationRequest;
import org.neurograph.api.Generator;
import org.neurograph.api.GeneratorInfo;
import org.neurograph.api.ModelRef;
import org.neurograph.api.ParameterSpec;
import org.neurograph.api.Progress;
import org.neurograph.api.Provenance;
import org.neurograph.gan.GanModel;
import org.neurograph.gan.GanOutputs;
import org.neurograph.gan.LatentTools;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;
import org.osgi.service.component.annotations.Component;

/**
 * Generates images with a trained GAN: work {@code i} is the image of the latent vector drawn from
 * {@code request.seedFor(i)} (with truncation), and its provenance holds that vector.
 */
@Component(service = Generator.class)
public final class GanGenerator implements Generator {
	private static final int BATCH = 32;

	@Override
	public GeneratorInfo info() {
		return GanOutputs.INFO;
	}

	@Override
	public ParameterSpec parameters() {
		return GanOutputs.PARAMETERS;
	}

	@Override
	public boolean requiresModel() {
		return true;
	}

	@Override
	public void generate(GenerationRequest request, ArtifactSink sink, Progress progress) throws GenerationException {
		ModelRef ref = request.model().orElseThrow(
				() -> new GenerationException("The image GAN needs a model: choose one trained by the image GAN trainer."));
		GanModel model;
		try {
			model = GanModel.load(ref.location(), GanModel.Engine.of(request.parameters().getString(GanOutputs.ENGINE)));
		} catch (IOException | RuntimeUnavailableException e) {
			throw new GenerationException(e.getMessage(), e);
		}
		double truncation = request.parameters().getDouble("truncation");
		progress.begin("Generating " + request.count() + " images", request.count());
		for (int from = 0; from < request.count(); from += BATCH) {
			if (progress.isCancelled()) {
				throw new CancelledException();
			}
			int to = Math.min(request.count(), from + BATCH);
			List<float[]> latents = new ArrayList<>();
			for (int i = from; i < to; i++) {
				latents.add(LatentTools.fromSeed(model.latentSize(), request.seedFor(i), truncation));
			}
			var images = GanOutputs.images(model, latents, request.parameters());
			for (int i = from; i < to; i++) {
				Provenance p = Provenance.of(GanOutputs.INFO, request, i).withLatent(latents.get(i - from));
				sink.accept(Artifact.png("gan-" + Long.toUnsignedString(request.seedFor(i), 36),
						Images.png(images.get(i - from)), p));
				progress.worked(1);
			}
		}
	}
}
