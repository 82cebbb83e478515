package org.neurograph.training;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.neurograph.api.training.Metric;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A run's {@code metrics.jsonl}: one JSON object per line, {@code {"step":120,"name":"loss","value":0.31,"time":"..."}},
 * appended and flushed line by line while the run trains. Readers take complete lines only, so a line being
 * written is never read half; the engine drops torn and orphaned lines when a run resumes.
 */
public final class MetricsLog {
	/** The file name inside a run folder. */
	public static final String FILE = "metrics.jsonl";
	private static final Gson GSON = new Gson();

	private MetricsLog() {
	}

	/** New metrics from a byte offset on, and the offset to read from next time. */
	public record Chunk(List<Metric> metrics, long nextOffset) {
		public Chunk {
			metrics = List.copyOf(metrics);
		}
	}

	/** Every complete, well-formed line of the run's log, in file order; empty if there is no log yet. */
	public static List<Metric> read(Path runDir) throws IOException {
		return readFrom(runDir, 0).metrics();
	}

	/**
	 * The complete lines from {@code offset} on (an offset a previous chunk returned, or 0). If the file has become
	 * shorter than {@code offset} (the engine rewrote it when the run resumed), reading starts again from 0.
	 */
	public static Chunk readFrom(Path runDir, long offset) throws IOException {
		Path file = runDir.resolve(FILE);
		byte[] bytes;
		long start = offset;
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			long size = ch.size();
			if (size < start) {
				start = 0;
			}
			ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(size - start));
			while (buffer.hasRemaining() && ch.read(buffer, start + buffer.position()) >= 0) {
				// read until full or end of file
			}
			bytes = buffer.array();
		} catch (NoSuchFileException e) {
			return new Chunk(List.of(), 0);
		}
		List<Metric> out = new ArrayList<>();
		int lineStart = 0;
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				parse(new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8)).ifPresent(out::add);
				lineStart = i + 1;
			}
		}
		return new Chunk(out, start + lineStart);
	}

	/** The line for {@code metric}, without the newline. */
	public static String format(Metric metric) {
		JsonObject o = new JsonObject();
		o.addProperty("step", metric.step());
		o.addProperty("name", metric.name());
		o.addProperty("value", metric.value());
		o.addProperty("time", metric.time().toString());
		return GSON.toJson(o);
	}

	/** Parses one line; empty if it is not a complete metric record. */
	public static Optional<Metric> parse(String line) {
		if (line.isBlank()) {
			return Optional.empty();
		}
		try {
			JsonElement e = JsonParser.parseString(line);
			if (!e.isJsonObject()) {
				return Optional.empty();
			}
			JsonObject o = e.getAsJsonObject();
			JsonElement step = o.get("step");
			JsonElement name = o.get("name");
			JsonElement value = o.get("value");
			JsonElement time = o.get("time");
			if (step == null || name == null || value == null || time == null || !value.isJsonPrimitive()
					|| !value.getAsJsonPrimitive().isNumber()) {
				return Optional.empty();
			}
			return Optional.of(new Metric(step.getAsLong(), name.getAsString(), value.getAsDouble(),
					Instant.parse(time.getAsString())));
		} catch (JsonParseException | IllegalStateException | UnsupportedOperationException | IllegalArgumentException
				| DateTimeParseException e) {
			return Optional.empty();
		}
	}
}
