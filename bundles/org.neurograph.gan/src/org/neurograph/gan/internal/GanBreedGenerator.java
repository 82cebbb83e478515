package org.neurograph.gan.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neurograph.api.Artifact;
import org.neurograph.api.ArtifactSink;
import org.neurograph.api.CancelledException;
import org.neurograph.api.GenerationException;
import org.neurograph.api.GenerationRequest;
import org.neurograph.api.Generator;
import org.neurograph.api.GeneratorInfo;
import org.neurograph.api.MediaKind;
import org.neurograph.api.ModelRef;
import org.neurograph.api.Parameter;
import org.neurograph.api.ParameterSpec;
import org.neurograph.api.Progress;
import org.neurograph.api.Provenance;
import org.neurograph.assets.PngProvenance;
import org.neurograph.gan.GanModel;
import org.neurograph.gan.GanOutputs;
import org.neurograph.gan.LatentTools;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;
import org.osgi.service.component.annotations.Component;

/**
 * Breeds two GAN outputs: their latent vectors (read from the provenance inside the PNGs) are blended with a ratio
 * and each child is mutated with its own seed; children record both parents. With one parent given twice and a
 * mutation strength it makes "children" of that output.
 */
@Component(service = Generator.class)
public final class GanBreedGenerator implements Generator {
	static final GeneratorInfo INFO = new GeneratorInfo("org.neurograph.gan.breed", "Image GAN: breed", "1.0.0",
			MediaKind.IMAGE, "Crosses two GAN images (ratio) and mutates the children (strength); parents are recorded.");
	private static final ParameterSpec SPEC = ParameterSpec.builder()
			.add(new Parameter.PathParam("parentA", "First parent", "A PNG made by the image GAN.", null,
					Parameter.PathKind.EXISTING_FILE, List.of("png")))
			.add(new Parameter.PathParam("parentB", "Second parent", "A PNG made by the image GAN (the first again "
					+ "for children of one image).", null, Parameter.PathKind.EXISTING_FILE, List.of("png")))
			.decimal("ratio", "Ratio", "0 is the first parent, 1 the second, between a blend.", 0.5, 0.0, 1.0)
			.decimal("mutation", "Mutation strength", "How far each child strays from the blend (0: not at all).", 0.3,
					0.0, 2.0)
			.add(GanOutputs.PARAMETERS.get("outputSize").orElseThrow())
			.add(GanOutputs.PARAMETERS.get("upscaling").orElseThrow())
			.add(GanOutputs.PARAMETERS.get(GanOutputs.ENGINE).orElseThrow())
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
	public boolean requiresModel() {
		return true;
	}

	@Override
	public void generate(GenerationRequest request, ArtifactSink sink, Progress progress) throws GenerationException {
		ModelRef ref = request.model().orElseThrow(
				() -> new GenerationException("Breeding needs the GAN model that made the parents."));
		Path a = request.parameters().getPath("parentA");
		Path b = request.parameters().getPath("parentB");
		GanModel model;
		try {
			model = GanModel.load(ref.location(), GanModel.Engine.of(request.parameters().getString(GanOutputs.ENGINE)));
		} catch (IOException | RuntimeUnavailableException e) {
			throw new GenerationException(e.getMessage(), e);
		}
		float[] blend = LatentTools.breed(latentOf(a, model), latentOf(b, model), request.parameters().getDouble("ratio"));
		double strength = request.parameters().getDouble("mutation");
		progress.begin("Breeding " + request.count() + " children", request.count());
		List<float[]> latents = new ArrayList<>();
		for (int i = 0; i < request.count(); i++) {
			latents.add(LatentTools.mutate(blend, strength, request.seedFor(i)));
		}
		List<String> parents = List.of(parentName(a, ref), parentName(b, ref));
		for (int i = 0; i < request.count(); i++) {
			if (progress.isCancelled()) {
				throw new CancelledException();
			}
			Provenance p = Provenance.of(INFO, request, i).withLatent(latents.get(i)).withParents(parents);
			sink.accept(Artifact.png("gan-child-" + Long.toUnsignedString(request.seedFor(i), 36),
					Images.png(GanOutputs.image(model, latents.get(i), request.parameters())), p));
			progress.worked(1);
		}
	}

	/**
	 * How provenance names a parent: relative to the model's project ({@code <project>/models/<name>}) with '/'
	 * separators when the parent lies in it, as the workbench's views name works, so that lineage links them;
	 * otherwise its absolute path.
	 */
	static String parentName(Path parent, ModelRef model) {
		Path file = parent.toAbsolutePath().normalize();
		Path models = model.location().toAbsolutePath().normalize().getParent();
		if (models != null && models.getFileName() != null && models.getFileName().toString().equals("models")
				&& models.getParent() != null && file.startsWith(models.getParent())) {
			return models.getParent().relativize(file).toString().replace('\\', '/');
		}
		return file.toString();
	}

	private static float[] latentOf(Path png, GanModel model) throws GenerationException {
		Provenance p;
		try {
			p = PngProvenance.read(png).orElseThrow(() -> new GenerationException(png.getFileName()
					+ " carries no provenance: choose an image the image GAN made."));
		} catch (IOException e) {
			throw new GenerationException("Cannot read " + png.getFileName() + ": " + e.getMessage(), e);
		}
		float[] z = p.latent();
		if (z == null || z.length != model.latentSize()) {
			throw new GenerationException(png.getFileName() + " was not made by this GAN model (its latent vector "
					+ (z == null ? "is missing" : "has " + z.length + " values, the model takes " + model.latentSize())
					+ "). Choose images made with the same model.");
		}
		return z;
	}
}
