package org.neurograph.training.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.neurograph.api.AssetKind;
import org.neurograph.api.training.TrainerInfo;
import org.neurograph.api.training.TrainingSession;
import org.neurograph.assets.AtomicFiles;
import org.neurograph.training.RunInfo;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Turns a finished run's model into a {@code models/<name>/} asset: the session's files plus the {@code model.json}
 * card (trainer, architecture summary, dataset, final metrics, run id). The folder is filled under a hidden name and
 * renamed into place; a taken name gets a suffix ({@code name-2}, ...), so no model is ever overwritten.
 */
public final class ModelExporter {
	/** The card's file name. */
	public static final String CARD = "model.json";

	private ModelExporter() {
	}

	/** Exports the model and returns the asset's name. */
	public static String export(Path project, RunInfo run, TrainerInfo trainer, TrainingSession session,
			Map<String, Double> finalMetrics, Instant now) throws IOException {
		Path models = project.resolve(AssetKind.MODEL.folder());
		Files.createDirectories(models);
		String base = run.settings().modelName() == null ? run.id() : run.settings().modelName();
		Path staging = models.resolve("." + run.id() + ".export");
		Recursive.delete(staging); // left by an export that a crash cut short (only this run's process uses it)
		Files.createDirectory(staging);
		try {
			session.exportModel(staging);
			for (int i = 1;; i++) {
				String name = i == 1 ? base : base + "-" + i;
				Path target = models.resolve(name);
				if (Files.exists(target)) {
					continue;
				}
				AtomicFiles.writeString(staging.resolve(CARD), card(name, staging, run, trainer, session, finalMetrics, now));
				try {
					Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
					return name;
				} catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
					// another process took the name in between: try the next one
				}
			}
		} finally {
			Recursive.delete(staging);
		}
	}

	private static String card(String name, Path staging, RunInfo run, TrainerInfo trainer, TrainingSession session,
			Map<String, Double> finalMetrics, Instant now) throws IOException {
		JsonObject o = existingCard(staging);
		o.addProperty("name", name);
		o.addProperty("kind", AssetKind.MODEL.name());
		o.addProperty("trainer", trainer.id());
		o.addProperty("trainerName", trainer.name());
		o.addProperty("trainerVersion", trainer.version());
		o.addProperty("mediaKind", trainer.mediaKind().name());
		o.addProperty("dataset", run.dataset());
		o.addProperty("run", run.id());
		o.addProperty("steps", session.step());
		o.addProperty("seed", run.settings().seed());
		o.addProperty("created", now.toString());
		JsonObject architecture = new JsonObject();
		session.architecture().forEach(architecture::addProperty);
		o.add("architecture", architecture);
		JsonObject metrics = new JsonObject();
		finalMetrics.forEach(metrics::addProperty);
		o.add("finalMetrics", metrics);
		JsonObject parameters = new JsonObject();
		run.parameters().forEach(parameters::addProperty);
		o.add("parameters", parameters);
		JsonArray files = new JsonArray();
		try (Stream<Path> all = Files.walk(staging)) {
			new TreeSet<>(all.filter(Files::isRegularFile).map(p -> staging.relativize(p).toString().replace('\\', '/'))
					.filter(f -> !f.equals(CARD)).toList()).forEach(files::add);
		}
		o.add("files", files);
		return new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n";
	}

	/** The fields of a card the trainer wrote itself, which the engine's fields then override; usually none. */
	private static JsonObject existingCard(Path staging) {
		Path own = staging.resolve(CARD);
		if (!Files.isRegularFile(own)) {
			return new JsonObject();
		}
		try {
			return JsonFields.parseObject(Files.readString(own, StandardCharsets.UTF_8));
		} catch (IOException e) {
			return new JsonObject();
		}
	}
}
