package org.neurograph.api;

import java.util.ArrayList;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A generator of works: what a plugin offers as an OSGi service (a Declarative Services {@code @Component} is all
 * it takes). The workbench lists every registered generator, builds a form from its {@link #parameters()}, runs
 * {@link #generate} in a background job and writes each artifact into the project with its provenance as soon as it
 * arrives; the
 * command line does the same with {@code generate --generator ID}.
 * <p>
 * Implementations are thread-safe: several generations may run at once. {@code generate} is deterministic: the
 * same request gives the same bytes.
 *
 * <pre>{@code
 * @Component
 * public class StripesGenerator implements Generator {
 *     public GeneratorInfo info() { return new GeneratorInfo("com.example.stripes", "Stripes", "1.0.0", MediaKind.IMAGE, "..."); }
 *     public ParameterSpec parameters() { return ParameterSpec.builder().integer("size", "Size", "...", 256, 16, 2048).build(); }
 *     public void generate(GenerationRequest r, ArtifactSink sink, Progress p) throws GenerationException {
 *         for (int i = 0; i < r.count(); i++) { ... sink.accept(Artifact.png(name, png, Provenance.of(info(), r, i))); }
 *     }
 * }
 * }</pre>
 */
@ConsumerType
public interface Generator {

	/** Who this generator is; the same object every call. */
	GeneratorInfo info();

	/** Its parameters; the same object every call. */
	ParameterSpec parameters();

	/** True if {@link GenerationRequest#model()} must be present. */
	default boolean requiresModel() {
		return false;
	}

	/**
	 * Makes {@link GenerationRequest#count()} works, in order, handing each to {@code sink} as soon as it is made.
	 * Reports progress, checks {@link Progress#isCancelled()} between works (throwing {@link CancelledException}),
	 * and throws {@link GenerationException} with a message for the user on bad input. Work {@code i} carries
	 * {@link Provenance#of(GeneratorInfo, GenerationRequest, int)} (or a copy with a latent vector or parents).
	 */
	void generate(GenerationRequest request, ArtifactSink sink, Progress progress) throws GenerationException;

	/** Runs {@link #generate} and collects the works in a list: for small batches and tests. */
	default List<Artifact> generateAll(GenerationRequest request, Progress progress) throws GenerationException {
		List<Artifact> out = new ArrayList<>(request.count());
		generate(request, out::add, progress);
		return out;
	}
}
