package org.neurograph.training.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.neurograph.assets.AtomicFiles;
import org.neurograph.training.RunInfo;
import org.neurograph.training.RunInfo.ProcessOwner;
import org.neurograph.training.RunSettings;
import org.neurograph.training.RunState;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** {@code run.json}: a run's identity, parameters, settings, state and timings. Written atomically. */
public final class RunJson {
	/** The file name inside a run folder. */
	public static final String FILE = "run.json";
	private static final int FORMAT = 1;

	private RunJson() {
	}

	/** Writes {@code run} to {@code runDir/run.json} atomically. */
	public static void write(Path runDir, RunInfo run) throws IOException {
		AtomicFiles.writeString(runDir.resolve(FILE), toJson(run));
	}

	/** Reads {@code runDir/run.json}; a missing or malformed file gives an {@link IOException} naming it. */
	public static RunInfo read(Path runDir) throws IOException {
		Path file = runDir.resolve(FILE);
		String text = Files.readString(file, StandardCharsets.UTF_8);
		try {
			return fromJson(text);
		} catch (IOException e) {
			throw new IOException("The run file '" + file + "' is damaged: " + e.getMessage() + ".", e);
		}
	}

	static String toJson(RunInfo r) {
		JsonObject o = new JsonObject();
		o.addProperty("format", FORMAT);
		o.addProperty("id", r.id());
		JsonObject trainer = new JsonObject();
		trainer.addProperty("id", r.trainerId());
		trainer.addProperty("name", r.trainerName());
		trainer.addProperty("version", r.trainerVersion());
		o.add("trainer", trainer);
		o.addProperty("dataset", r.dataset());
		JsonObject parameters = new JsonObject();
		r.parameters().forEach(parameters::addProperty);
		o.add("parameters", parameters);
		o.add("settings", settings(r.settings()));
		o.addProperty("state", r.state().name());
		o.addProperty("message", r.message());
		o.addProperty("step", r.step());
		o.addProperty("totalSteps", r.totalSteps());
		o.addProperty("checkpointStep", r.checkpointStep());
		o.addProperty("model", r.model());
		JsonObject timings = new JsonObject();
		timings.addProperty("created", text(r.created()));
		timings.addProperty("started", text(r.started()));
		timings.addProperty("updated", text(r.updated()));
		timings.addProperty("finished", text(r.finished()));
		timings.addProperty("trainingSeconds", r.trainingTime().toMillis() / 1000.0);
		o.add("timings", timings);
		if (r.owner() == null) {
			o.add("process", null);
		} else {
			JsonObject process = new JsonObject();
			process.addProperty("pid", r.owner().pid());
			process.addProperty("started", r.owner().started().toString());
			o.add("process", process);
		}
		return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(o) + "\n";
	}

	static RunInfo fromJson(String text) throws IOException {
		JsonObject o = JsonFields.parseObject(text);
		if (JsonFields.wholeNumber(o, "format") > FORMAT) {
			throw new IOException("it was written by a newer Neurograph (format " + o.get("format") + ")");
		}
		JsonObject trainer = JsonFields.object(o, "trainer");
		JsonObject timings = JsonFields.object(o, "timings");
		String state = JsonFields.string(o, "state");
		RunState runState;
		try {
			runState = RunState.valueOf(state.toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new IOException("field 'state' has an unknown value '" + state + "'", e);
		}
		return new RunInfo(JsonFields.string(o, "id"), JsonFields.string(trainer, "id"),
				JsonFields.string(trainer, "name"), JsonFields.string(trainer, "version"),
				JsonFields.string(o, "dataset"), JsonFields.stringMap(o, "parameters"),
				settings(JsonFields.object(o, "settings")), runState, JsonFields.optionalString(o, "message"),
				JsonFields.wholeNumber(o, "step"), JsonFields.wholeNumber(o, "totalSteps"),
				JsonFields.wholeNumber(o, "checkpointStep"), JsonFields.optionalString(o, "model"),
				JsonFields.requiredInstant(timings, "created"), JsonFields.instant(timings, "started"),
				JsonFields.requiredInstant(timings, "updated"), JsonFields.instant(timings, "finished"),
				Duration.ofMillis(Math.round(JsonFields.number(timings, "trainingSeconds") * 1000)), owner(o));
	}

	private static ProcessOwner owner(JsonObject o) throws IOException {
		JsonElement e = o.get("process");
		if (e == null || e.isJsonNull()) {
			return null;
		}
		JsonObject p = JsonFields.object(o, "process");
		return new ProcessOwner(JsonFields.wholeNumber(p, "pid"), JsonFields.requiredInstant(p, "started"));
	}

	private static JsonObject settings(RunSettings s) {
		JsonObject o = new JsonObject();
		o.addProperty("seed", s.seed());
		o.addProperty("checkpointEverySteps", s.checkpointEverySteps());
		o.addProperty("checkpointIntervalSeconds", s.checkpointInterval().toSeconds());
		o.addProperty("keepCheckpoints", s.keepCheckpoints());
		o.addProperty("bestMetric", s.bestMetric());
		o.addProperty("higherIsBetter", s.higherIsBetter());
		o.addProperty("sampleEverySteps", s.sampleEverySteps());
		o.addProperty("modelName", s.modelName());
		return o;
	}

	private static RunSettings settings(JsonObject o) throws IOException {
		try {
			return new RunSettings(JsonFields.wholeNumber(o, "seed"),
					Math.toIntExact(JsonFields.wholeNumber(o, "checkpointEverySteps")),
					Duration.ofSeconds(JsonFields.wholeNumber(o, "checkpointIntervalSeconds")),
					Math.toIntExact(JsonFields.wholeNumber(o, "keepCheckpoints")),
					JsonFields.optionalString(o, "bestMetric"), JsonFields.flag(o, "higherIsBetter"),
					Math.toIntExact(JsonFields.wholeNumber(o, "sampleEverySteps")),
					JsonFields.optionalString(o, "modelName"));
		} catch (IllegalArgumentException | ArithmeticException e) {
			throw new IOException("field 'settings' is invalid: " + e.getMessage(), e);
		}
	}

	private static String text(Instant t) {
		return t == null ? null : t.toString();
	}
}
