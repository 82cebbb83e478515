package org.neurograph.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one command: {@code --name value} pairs, repeatable {@code --param key=value}, and flags. Unknown
 * options, missing values and repeated single options are usage errors.
 */
final class Arguments {
	private final Map<String, String> options = new LinkedHashMap<>();
	private final Map<String, String> params = new LinkedHashMap<>();
	private final List<String> flags = new ArrayList<>();
	private final List<String> positional = new ArrayList<>();

	/**
	 * @param valued options that take a value (without the leading dashes)
	 * @param flagNames options without a value
	 */
	static Arguments parse(List<String> args, Set<String> valued, Set<String> flagNames) throws UsageException {
		Arguments a = new Arguments();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (!arg.startsWith("--")) {
				a.positional.add(arg);
				continue;
			}
			String name = arg.substring(2);
			String inline = null;
			int eq = name.indexOf('=');
			if (eq > 0 && !name.startsWith("param")) {
				inline = name.substring(eq + 1);
				name = name.substring(0, eq);
			}
			if (flagNames.contains(name)) {
				a.flags.add(name);
				continue;
			}
			if (!valued.contains(name) && !name.equals("param")) {
				throw new UsageException("Unknown option '" + arg + "'.");
			}
			String value = inline;
			if (value == null) {
				if (i + 1 >= args.size()) {
					throw new UsageException("Option '--" + name + "' needs a value.");
				}
				value = args.get(++i);
			}
			if (name.equals("param")) {
				int sep = value.indexOf('=');
				if (sep <= 0) {
					throw new UsageException("'--param " + value + "' must have the form key=value.");
				}
				String key = value.substring(0, sep).strip();
				if (a.params.put(key, value.substring(sep + 1)) != null) {
					throw new UsageException("Parameter '" + key + "' is given twice.");
				}
			} else if (a.options.put(name, value) != null) {
				throw new UsageException("Option '--" + name + "' is given twice.");
			}
		}
		return a;
	}

	String option(String name) {
		return options.get(name);
	}

	String required(String name, String what) throws UsageException {
		String v = options.get(name);
		if (v == null || v.isBlank()) {
			throw new UsageException("Missing --" + name + " " + what + ".");
		}
		return v;
	}

	int intOption(String name, int defaultValue, int min, int max) throws UsageException {
		String v = options.get(name);
		if (v == null) {
			return defaultValue;
		}
		try {
			int n = Integer.parseInt(v.strip());
			if (n >= min && n <= max) {
				return n;
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw new UsageException("--" + name + " must be a whole number from " + min + " to " + max + ", not '" + v + "'.");
	}

	Long longOption(String name) throws UsageException {
		String v = options.get(name);
		if (v == null) {
			return null;
		}
		try {
			return Long.parseLong(v.strip());
		} catch (NumberFormatException e) {
			throw new UsageException("--" + name + " must be a whole number (64-bit), not '" + v + "'.");
		}
	}

	boolean flag(String name) {
		return flags.contains(name);
	}

	Map<String, String> params() {
		return params;
	}

	List<String> positional() {
		return positional;
	}
}
