package org.neurograph.assets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.neurograph.api.Provenance;
import org.neurograph.assets.internal.Json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * {@link Provenance} as JSON, the form of the {@code <name>.json} sidecar beside each output and of the text embedded
 * in PNG files. The field names are stable: {@code generator, generatorVersion, model, modelSha256, parameters, seed,
 * latent, parents, created} (ISO-8601). Unknown fields are ignored; a malformed record gives an {@link IOException}
 * whose message names the file (where there is one) and the field.
 */
public final class ProvenanceJson {

	private ProvenanceJson() {
	}

	/** The record as pretty-printed JSON; parameters sorted by key, absent model and latent as {@code null}. */
	public static String toJson(Provenance p) {
		JsonObject o = new JsonObject();
		o.addProperty("generator", p.generatorId());
		o.addProperty("generatorVersion", p.generatorVersion());
		o.addProperty("model", p.modelName());
		o.addProperty("modelSha256", p.modelSha256());
		JsonObject parameters = new JsonObject();
		new TreeMap<>(p.parameters()).forEach(parameters::addProperty);
		o.add("parameters", parameters);
		o.addProperty("seed", p.seed());
		float[] latent = p.latent();
		if (latent == null) {
			o.add("latent", null);
		} else {
			JsonArray array = new JsonArray(latent.length);
			for (float v : latent) {
				array.add(v);
			}
			o.add("latent", array);
		}
		JsonArray parents = new JsonArray();
		p.parents().forEach(parents::add);
		o.add("parents", parents);
		o.addProperty("created", p.created().toString());
		return Json.format(o);
	}

	/** Parses a record made by {@link #toJson(Provenance)}. */
	public static Provenance fromJson(String json) throws IOException {
		try {
			return parse(Json.parseObject(json));
		} catch (IOException e) {
			throw new IOException("Malformed provenance: " + e.getMessage() + ".", e);
		}
	}

	/**
	 * The provenance sidecar of an output ({@code <name>.json} beside {@code <name>.<ext>}), if there is one.
	 *
	 * @throws IOException if the sidecar exists but cannot be read or is malformed
	 */
	public static Optional<Provenance> readSidecar(Path output) throws IOException {
		Path sidecar = sidecarOf(output);
		if (!Files.isRegularFile(sidecar)) {
			return Optional.empty();
		}
		byte[] bytes = Files.readAllBytes(sidecar);
		try {
			return Optional.of(parse(Json.parseObject(bytes)));
		} catch (IOException e) {
			throw new IOException("Malformed provenance file '" + sidecar + "': " + e.getMessage() + ".", e);
		}
	}

	/** Where the sidecar of {@code output} is: its name with the last extension replaced by {@code .json}. */
	public static Path sidecarOf(Path output) {
		String name = output.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String base = dot > 0 ? name.substring(0, dot) : name;
		return output.resolveSibling(base + ".json");
	}

	static Provenance parse(JsonObject o) throws IOException {
		String generator = Json.string(o, "generator", true);
		String version = Json.string(o, "generatorVersion", true);
		String model = Json.string(o, "model", false);
		String modelSha256 = Json.string(o, "modelSha256", false);
		Map<String, String> parameters = Json.stringMap(o, "parameters");
		long seed = Json.wholeNumber(o, "seed");
		float[] latent = Json.floats(o, "latent");
		return new Provenance(generator, version, model, modelSha256, parameters, seed, latent,
				Json.strings(o, "parents"), Json.instant(o, "created"));
	}
}
