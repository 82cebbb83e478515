package org.neurograph.training.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** Reads fields of the engine's JSON files; every problem becomes an {@link IOException} naming the field. */
final class JsonFields {
	private JsonFields() {
	}

	static JsonObject parseObject(String text) throws IOException {
		try {
			JsonElement e = JsonParser.parseString(text);
			if (!e.isJsonObject()) {
				throw new IOException("not a JSON object");
			}
			return e.getAsJsonObject();
		} catch (JsonParseException | IllegalStateException e) {
			throw new IOException("not valid JSON (" + e.getMessage() + ")", e);
		}
	}

	static JsonObject object(JsonObject o, String key) throws IOException {
		JsonElement e = o.get(key);
		if (e == null || !e.isJsonObject()) {
			throw new IOException("field '" + key + "' must be an object");
		}
		return e.getAsJsonObject();
	}

	static String string(JsonObject o, String key) throws IOException {
		String s = optionalString(o, key);
		if (s == null) {
			throw new IOException("field '" + key + "' is missing");
		}
		return s;
	}

	static String optionalString(JsonObject o, String key) throws IOException {
		JsonElement e = o.get(key);
		if (e == null || e.isJsonNull()) {
			return null;
		}
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
			throw new IOException("field '" + key + "' must be text");
		}
		return e.getAsString();
	}

	static long wholeNumber(JsonObject o, String key) throws IOException {
		double d = number(o, key);
		long l = (long) d;
		if (l != d) {
			throw new IOException("field '" + key + "' must be a whole number");
		}
		return o.get(key).getAsLong();
	}

	static double number(JsonObject o, String key) throws IOException {
		JsonElement e = o.get(key);
		if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
			throw new IOException("field '" + key + "' must be a number");
		}
		return e.getAsDouble();
	}

	static boolean flag(JsonObject o, String key) throws IOException {
		JsonElement e = o.get(key);
		if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
			throw new IOException("field '" + key + "' must be true or false");
		}
		return e.getAsBoolean();
	}

	static Instant instant(JsonObject o, String key) throws IOException {
		String s = optionalString(o, key);
		if (s == null) {
			return null;
		}
		try {
			return Instant.parse(s);
		} catch (DateTimeParseException e) {
			throw new IOException("field '" + key + "' is not a time: '" + s + "'", e);
		}
	}

	static Instant requiredInstant(JsonObject o, String key) throws IOException {
		Instant t = instant(o, key);
		if (t == null) {
			throw new IOException("field '" + key + "' is missing");
		}
		return t;
	}

	static Map<String, String> stringMap(JsonObject o, String key) throws IOException {
		JsonObject m = object(o, key);
		Map<String, String> out = new LinkedHashMap<>();
		for (Map.Entry<String, JsonElement> e : m.entrySet()) {
			if (!e.getValue().isJsonPrimitive()) {
				throw new IOException("field '" + key + "." + e.getKey() + "' must be text");
			}
			out.put(e.getKey(), e.getValue().getAsString());
		}
		return out;
	}

	static Map<String, Double> numberMap(JsonObject o, String key) throws IOException {
		JsonObject m = object(o, key);
		Map<String, Double> out = new LinkedHashMap<>();
		for (String k : m.keySet()) {
			out.put(k, number(m, k));
		}
		return out;
	}
}
