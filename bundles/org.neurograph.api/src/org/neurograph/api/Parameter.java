package org.neurograph.api;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One typed parameter of a generator or trainer: a key, a label, help text, a default and the rules a value must
 * follow. Values travel as text (command line, {@code key=value}, provenance records) and are parsed by
 * {@link #parse(String)}, which throws {@link IllegalArgumentException} with a message for the user when the text
 * is not a valid value. Instances are made through {@link ParameterSpec.Builder}.
 *
 * @param <T> the Java type of the parsed value
 */
@ProviderType
public sealed interface Parameter<T> permits Parameter.IntegerParam, Parameter.DecimalParam, Parameter.Choice,
		Parameter.Flag, Parameter.Text, Parameter.Seed, Parameter.PathParam, Parameter.AssetRef {

	/** Keys are lower camel case or dotted: letters, digits, '.', '-' and '_', starting with a letter. */
	Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

	/** The key used on the command line and in provenance records. */
	String key();

	/** A short label for forms, e.g. "Image size". */
	String label();

	/** One or two sentences for tooltips and {@code list}. */
	String help();

	/** The default value; {@code null} only for a {@link #required()} parameter. */
	T defaultValue();

	/** True if the user must give a value (there is no default). */
	default boolean required() {
		return defaultValue() == null;
	}

	/** Parses and checks a value given as text. */
	T parse(String text);

	/** Formats a value as the text {@link #parse(String)} accepts. */
	default String format(T value) {
		return String.valueOf(value);
	}

	/** Describes the allowed values, e.g. "an integer from 1 to 100". */
	String describeRange();

	/** An integer in {@code [min, max]}. */
	record IntegerParam(String key, String label, String help, Integer defaultValue, int min, int max)
			implements Parameter<Integer> {
		public IntegerParam {
			Checks.common(key, label, help);
			if (min > max) {
				throw new IllegalArgumentException(key + ": min " + min + " > max " + max);
			}
			if (defaultValue != null) {
				Checks.inRange(key, defaultValue, min, max);
			}
		}

		@Override
		public Integer parse(String text) {
			String t = Checks.trimmed(text, this);
			int v;
			try {
				v = Integer.parseInt(t.replace("_", ""));
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("'" + t + "' is not a whole number; expected " + describeRange() + ".");
			}
			if (v < min || v > max) {
				throw new IllegalArgumentException(v + " is out of range; expected " + describeRange() + ".");
			}
			return v;
		}

		@Override
		public String describeRange() {
			return "an integer from " + min + " to " + max;
		}
	}

	/** A decimal number in {@code [min, max]}; NaN and infinities are refused. */
	record DecimalParam(String key, String label, String help, Double defaultValue, double min, double max)
			implements Parameter<Double> {
		public DecimalParam {
			Checks.common(key, label, help);
			if (!(min <= max) || Double.isInfinite(min) || Double.isInfinite(max)) {
				throw new IllegalArgumentException(key + ": invalid range [" + min + ", " + max + "]");
			}
			if (defaultValue != null && !(defaultValue >= min && defaultValue <= max)) {
				throw new IllegalArgumentException(key + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
			}
		}

		@Override
		public Double parse(String text) {
			String t = Checks.trimmed(text, this);
			double v;
			try {
				v = Double.parseDouble(t);
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("'" + t + "' is not a number; expected " + describeRange() + ".");
			}
			if (!(v >= min && v <= max)) {
				throw new IllegalArgumentException(t + " is out of range; expected " + describeRange() + ".");
			}
			return v;
		}

		@Override
		public String describeRange() {
			return "a number from " + min + " to " + max;
		}
	}

	/** One of a fixed list of choices (matched ignoring case; the canonical spelling is returned). */
	record Choice(String key, String label, String help, String defaultValue, List<String> choices)
			implements Parameter<String> {
		public Choice {
			Checks.common(key, label, help);
			choices = List.copyOf(choices);
			if (choices.isEmpty()) {
				throw new IllegalArgumentException(key + ": no choices");
			}
			if (defaultValue != null && !choices.contains(defaultValue)) {
				throw new IllegalArgumentException(key + ": default '" + defaultValue + "' is not one of " + choices);
			}
		}

		@Override
		public String parse(String text) {
			String t = Checks.trimmed(text, this);
			for (String c : choices) {
				if (c.equalsIgnoreCase(t)) {
					return c;
				}
			}
			throw new IllegalArgumentException("'" + t + "' is not a choice; expected " + describeRange() + ".");
		}

		@Override
		public String describeRange() {
			return "one of " + String.join(", ", choices);
		}
	}

	/** A yes/no switch: true/false, yes/no, on/off, 1/0. */
	record Flag(String key, String label, String help, Boolean defaultValue) implements Parameter<Boolean> {
		public Flag {
			Checks.common(key, label, help);
			Objects.requireNonNull(defaultValue, "a flag needs a default");
		}

		@Override
		public Boolean parse(String text) {
			String t = Checks.trimmed(text, this).toLowerCase(Locale.ROOT);
			return switch (t) {
			case "true", "yes", "on", "1" -> true;
			case "false", "no", "off", "0" -> false;
			default -> throw new IllegalArgumentException("'" + t + "' is not a yes/no value; expected " + describeRange() + ".");
			};
		}

		@Override
		public String describeRange() {
			return "true or false";
		}
	}

	/** Free text up to {@code maxLength} characters, optionally matching a regular expression. */
	record Text(String key, String label, String help, String defaultValue, int maxLength, String pattern,
			String patternHint) implements Parameter<String> {
		public Text {
			Checks.common(key, label, help);
			if (maxLength < 1) {
				throw new IllegalArgumentException(key + ": maxLength must be positive");
			}
			if (pattern != null) {
				Pattern.compile(pattern);
			}
		}

		@Override
		public String parse(String text) {
			String t = text == null ? "" : text;
			if (t.length() > maxLength) {
				throw new IllegalArgumentException("The text is " + t.length() + " characters long; at most " + maxLength + " are allowed.");
			}
			if (pattern != null && !t.matches(pattern)) {
				throw new IllegalArgumentException("'" + t + "' is not valid: " + patternHint + ".");
			}
			return t;
		}

		@Override
		public String describeRange() {
			return pattern == null ? "text of at most " + maxLength + " characters" : patternHint;
		}
	}

	/**
	 * A random seed: any 64-bit integer. The same seed and parameters give the same result; hosts offer
	 * a "new random seed" action for it.
	 */
	record Seed(String key, String label, String help, Long defaultValue) implements Parameter<Long> {
		public Seed {
			Checks.common(key, label, help);
			Objects.requireNonNull(defaultValue, "a seed needs a default");
		}

		@Override
		public Long parse(String text) {
			String t = Checks.trimmed(text, this);
			try {
				return Long.parseLong(t.replace("_", ""));
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("'" + t + "' is not a seed; expected " + describeRange() + ".");
			}
		}

		@Override
		public String describeRange() {
			return "a whole number (64-bit)";
		}
	}

	/** What a {@link PathParam} must point at. */
	enum PathKind {
		/** An existing regular file. */
		EXISTING_FILE,
		/** An existing folder. */
		EXISTING_FOLDER,
		/** A file that may not exist yet (its folder must). */
		NEW_FILE
	}

	/** A file-system path; {@code extensions} (lower case, without dot) restrict the file types when not empty. */
	record PathParam(String key, String label, String help, Path defaultValue, PathKind kind, List<String> extensions)
			implements Parameter<Path> {
		public PathParam {
			Checks.common(key, label, help);
			Objects.requireNonNull(kind, "kind");
			extensions = List.copyOf(extensions);
		}

		@Override
		public Path parse(String text) {
			String t = Checks.trimmed(text, this);
			Path p;
			try {
				p = Path.of(t);
			} catch (InvalidPathException e) {
				throw new IllegalArgumentException("'" + t + "' is not a valid path: " + e.getReason() + ".");
			}
			String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
			if (!extensions.isEmpty() && kind != PathKind.EXISTING_FOLDER
					&& extensions.stream().noneMatch(e -> name.endsWith("." + e))) {
				throw new IllegalArgumentException("'" + t + "' has the wrong type; expected " + describeRange() + ".");
			}
			switch (kind) {
			case EXISTING_FILE -> {
				if (!java.nio.file.Files.isRegularFile(p)) {
					throw new IllegalArgumentException("No file at '" + t + "'. Choose an existing file.");
				}
			}
			case EXISTING_FOLDER -> {
				if (!java.nio.file.Files.isDirectory(p)) {
					throw new IllegalArgumentException("No folder at '" + t + "'. Choose an existing folder.");
				}
			}
			case NEW_FILE -> {
				Path parent = p.toAbsolutePath().getParent();
				if (parent == null || !java.nio.file.Files.isDirectory(parent)) {
					throw new IllegalArgumentException("The folder of '" + t + "' does not exist.");
				}
			}
			}
			return p;
		}

		@Override
		public String describeRange() {
			String what = switch (kind) {
			case EXISTING_FILE -> "an existing file";
			case EXISTING_FOLDER -> "an existing folder";
			case NEW_FILE -> "a file name";
			};
			return extensions.isEmpty() ? what : what + " (" + String.join(", ", extensions.stream().map(e -> "." + e).toList()) + ")";
		}
	}

	/**
	 * A reference to an asset of the current project by name, e.g. the model {@code portraits-64}; the host
	 * offers the project's assets of {@link #kind()} to choose from and resolves the name to a path.
	 */
	record AssetRef(String key, String label, String help, String defaultValue, AssetKind kind)
			implements Parameter<String> {
		/** Asset names: what a folder name may safely be on every system. */
		public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,127}");

		public AssetRef {
			Checks.common(key, label, help);
			Objects.requireNonNull(kind, "kind");
		}

		@Override
		public String parse(String text) {
			String t = Checks.trimmed(text, this);
			if (!NAME.matcher(t).matches() || t.contains("..")) {
				throw new IllegalArgumentException("'" + t + "' is not an asset name; expected " + describeRange() + ".");
			}
			return t;
		}

		@Override
		public String describeRange() {
			return "the name of a " + kind.label().toLowerCase(Locale.ROOT) + " in the project";
		}
	}
}

/** Argument checks shared by the parameter records. */
final class Checks {
	private Checks() {
	}

	static void common(String key, String label, String help) {
		Objects.requireNonNull(key, "key");
		if (!Parameter.KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("invalid parameter key '" + key + "': " + Parameter.KEY.pattern());
		}
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(help, "help");
	}

	static void inRange(String key, int value, int min, int max) {
		if (value < min || value > max) {
			throw new IllegalArgumentException(key + ": default " + value + " outside [" + min + ", " + max + "]");
		}
	}

	static String trimmed(String text, Parameter<?> p) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty()) {
			throw new IllegalArgumentException("A value is needed: " + p.describeRange() + ".");
		}
		return t;
	}
}
