package org.neurograph.assets.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Reading and writing the project's small JSON files. Readers throw {@link IOException} whose message names the
 * field that is wrong (callers add the file); unknown fields are ignored.
 */
public final class Json {
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
			.serializeSpecialFloatingPointValues().create();

	private Json() {
	}

	/** Pretty-printed JSON text, ending with a newline. */
	public static String format(JsonElement element) {
		return GSON.toJson(element) + "\n";
	}

	/** Parses text that must hold one JSON object. */
	public static JsonObject parseObject(String text) throws IOException {
		JsonElement root;
		try {
			root = JsonParser.parseString(text);
		} catch (JsonParseException e) {
			throw new IOException("not valid JSON (" + rootMessage(e) + ")", e);
		}
		if (!root.isJsonObject()) {
			throw new IOException("expected a JSON object, found " + describe(root));
		}
		return root.getAsJsonObject();
	}

	/** Parses UTF-8 bytes that must hold one JSON object. */
	public static JsonObject parseObject(byte[] utf8) throws IOException {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
		} catch (CharacterCodingException e) {
			throw new IOException("not UTF-8 text", e);
		}
		return parseObject(text);
	}

	/** A string field; {@code null} if absent or null and not required. */
	public static String string(JsonObject o, String field, boolean required) throws IOException {
		JsonElement e = o.get(field);
		if (e == null || e.isJsonNull()) {
			if (required) {
				throw missing(field);
			}
			return null;
		}
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
			throw new IOException("field '" + field + "' must be a string, not " + describe(e));
		}
		return e.getAsString();
	}

	/** A required whole number (a JSON number or a string of digits, which keeps 64-bit values exact elsewhere). */
	public static long wholeNumber(JsonObject o, String field) throws IOException {
		JsonElement e = o.get(field);
		if (e == null || e.isJsonNull()) {
			throw missing(field);
		}
		if (e.isJsonPrimitive() && !e.getAsJsonPrimitive().isBoolean()) {
			try {
				return Long.parseLong(e.getAsString().strip());
			} catch (NumberFormatException ignored) {
				// falls through to the message below
			}
		}
		throw new IOException("field '" + field + "' must be a whole number, not " + describe(e));
	}

	/** A required ISO-8601 instant such as {@code 2025-05-01T12:00:00Z}. */
	public static Instant instant(JsonObject o, String field) throws IOException {
		String text = string(o, field, true);
		try {
			return Instant.parse(text);
		} catch (DateTimeParseException e) {
			throw new IOException("field '" + field + "' must be an ISO-8601 time such as 2025-05-01T12:00:00Z, not '"
					+ text + "'", e);
		}
	}

	/** An optional array of numbers as floats ({@code NaN} and {@code Infinity} included); {@code null} if absent or null. */
	public static float[] floats(JsonObject o, String field) throws IOException {
		JsonElement e = o.get(field);
		if (e == null || e.isJsonNull()) {
			return null;
		}
		JsonArray array = array(e, field);
		float[] out = new float[array.size()];
		for (int i = 0; i < out.length; i++) {
			JsonElement item = array.get(i);
			try {
				out[i] = item.getAsJsonPrimitive().getAsFloat(); // also NaN and Infinity, which JSON has no numbers for
			} catch (IllegalStateException | NumberFormatException notANumber) {
				throw new IOException("field '" + field + "' item " + i + " must be a number, not " + describe(item),
						notANumber);
			}
		}
		return out;
	}

	/** An optional array of strings; empty if absent or null. */
	public static List<String> strings(JsonObject o, String field) throws IOException {
		JsonElement e = o.get(field);
		if (e == null || e.isJsonNull()) {
			return List.of();
		}
		JsonArray array = array(e, field);
		List<String> out = new ArrayList<>(array.size());
		for (int i = 0; i < array.size(); i++) {
			JsonElement item = array.get(i);
			if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
				throw new IOException("field '" + field + "' item " + i + " must be a string, not " + describe(item));
			}
			out.add(item.getAsString());
		}
		return out;
	}

	/** An optional object of plain values (strings, numbers, booleans) as text; empty if absent or null. */
	public static Map<String, String> stringMap(JsonObject o, String field) throws IOException {
		JsonElement e = o.get(field);
		if (e == null || e.isJsonNull()) {
			return Map.of();
		}
		if (!e.isJsonObject()) {
			throw new IOException("field '" + field + "' must be an object, not " + describe(e));
		}
		Map<String, String> out = new LinkedHashMap<>();
		for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
			if (!entry.getValue().isJsonPrimitive()) {
				throw new IOException("field '" + field + "." + entry.getKey() + "' must be a plain value, not "
						+ describe(entry.getValue()));
			}
			out.put(entry.getKey(), entry.getValue().getAsString());
		}
		return out;
	}

	/** The top-level strings, numbers and booleans of an object, as text, in file order. */
	public static Map<String, String> plainFields(JsonObject o) {
		Map<String, String> out = new LinkedHashMap<>();
		for (Map.Entry<String, JsonElement> entry : o.entrySet()) {
			if (entry.getValue().isJsonPrimitive()) {
				out.put(entry.getKey(), entry.getValue().getAsString());
			}
		}
		return out;
	}

	private static JsonArray array(JsonElement e, String field) throws IOException {
		if (!e.isJsonArray()) {
			throw new IOException("field '" + field + "' must be an array, not " + describe(e));
		}
		return e.getAsJsonArray();
	}

	private static IOException missing(String field) {
		return new IOException("field '" + field + "' is missing");
	}

	private static String describe(JsonElement e) {
		if (e.isJsonNull()) {
			return "null";
		}
		if (e.isJsonObject()) {
			return "an object";
		}
		if (e.isJsonArray()) {
			return "an array";
		}
		JsonPrimitive p = e.getAsJsonPrimitive();
		String text = p.toString();
		return text.length() > 40 ? text.substring(0, 40) + "..." : text;
	}

	private static String rootMessage(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null) {
			t = t.getCause();
		}
		return t.getMessage();
	}
}
