package org.neurograph.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a generated work comes from: enough to make it again. Generating with {@link #generatorId()} at
 * {@link #generatorVersion()}, the same model ({@link #modelSha256()}), {@link #parameters()} and {@link #seed()}
 * gives the same work. {@link #parents()} names the works it was bred or interpolated from (file names relative to
 * the project), so that lineage can be drawn; {@link #latent()} holds the latent vector where there is one.
 *
 * @param generatorId      the generator's id
 * @param generatorVersion the generator's version
 * @param modelName        the model asset's name, or {@code null} for generators without a model
 * @param modelSha256      the SHA-256 of the model file, or {@code null}
 * @param parameters       every parameter value as text, in spec order
 * @param seed             the seed of this one work
 * @param latent           the latent vector, or {@code null}
 * @param parents          the works this one was made from; empty if none
 * @param created          when the work was made
 */
@ProviderType
public record Provenance(String generatorId, String generatorVersion, String modelName, String modelSha256,
		Map<String, String> parameters, long seed, float[] latent, List<String> parents, Instant created) {

	public Provenance {
		Objects.requireNonNull(generatorId, "generatorId");
		Objects.requireNonNull(generatorVersion, "generatorVersion");
		parameters = Map.copyOf(parameters);
		latent = latent == null ? null : latent.clone();
		parents = parents == null ? List.of() : List.copyOf(parents);
		Objects.requireNonNull(created, "created");
	}

	/**
	 * The provenance of work {@code index} of a request: the generator, the model, all parameters and the work's own
	 * seed, made now.
	 */
	public static Provenance of(GeneratorInfo generator, GenerationRequest request, int index) {
		Optional<ModelRef> model = request.model();
		return new Provenance(generator.id(), generator.version(), model.map(ModelRef::name).orElse(null),
				model.map(ModelRef::sha256).orElse(null), request.parameters().asStrings(), request.seedFor(index), null,
				List.of(), Instant.now());
	}

	/** A copy with this latent vector. */
	public Provenance withLatent(float[] vector) {
		return new Provenance(generatorId, generatorVersion, modelName, modelSha256, parameters, seed, vector, parents, created);
	}

	/** A copy with these parents. */
	public Provenance withParents(List<String> parentNames) {
		return new Provenance(generatorId, generatorVersion, modelName, modelSha256, parameters, seed, latent, parentNames, created);
	}

	@Override
	public float[] latent() {
		return latent == null ? null : latent.clone();
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Provenance p && generatorId.equals(p.generatorId) && generatorVersion.equals(p.generatorVersion)
				&& Objects.equals(modelName, p.modelName) && Objects.equals(modelSha256, p.modelSha256)
				&& parameters.equals(p.parameters) && seed == p.seed && Arrays.equals(latent, p.latent)
				&& parents.equals(p.parents) && created.equals(p.created);
	}

	@Override
	public int hashCode() {
		return Objects.hash(generatorId, generatorVersion, modelName, modelSha256, parameters, seed, Arrays.hashCode(latent),
				parents, created);
	}

	@Override
	public String toString() {
		return "Provenance[" + generatorId + " " + generatorVersion + ", seed " + seed + ", " + parameters
				+ (modelName == null ? "" : ", model " + modelName) + (parents.isEmpty() ? "" : ", parents " + parents) + "]";
	}
}
