package org.neurograph.runtime.dl4j.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The classes a DL4J model file may name: in its JSON configuration (layers, activations, losses, updaters...) and
 * in Java-serialized entries (legacy normalizers). Everything else is refused before it is loaded.
 */
public final class ClassAllowList {

	/** Packages a configuration may name: DL4J's and ND4J's own classes, but not the libraries ND4J shades. */
	private static final List<String> CONFIGURATION_PREFIXES = List.of("org.deeplearning4j.", "org.nd4j.");
	private static final List<String> CONFIGURATION_EXCLUDED = List.of("org.nd4j.shade.");

	/** What ND4J's legacy (Java-serialized) normalizers and pre-processors consist of. */
	private static final List<String> SERIALIZED_PREFIXES = List.of("org.nd4j.linalg.dataset.api.preprocessor.");
	private static final Set<String> SERIALIZED_CLASSES = Set.of("org.nd4j.linalg.api.ndarray.BaseNDArrayProxy",
			"java.lang.Enum",
			"java.lang.Number", "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer",
			"java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Character", "java.lang.String");

	private final Set<String> extra;

	private ClassAllowList(Set<String> extra) {
		this.extra = Set.copyOf(extra);
	}

	/** DL4J's and ND4J's own classes only. */
	public static ClassAllowList standard() {
		return new ClassAllowList(Set.of());
	}

	/** This list plus {@code classes} and their superclasses (a plugin's own layers, activations, normalizers). */
	public ClassAllowList plus(Class<?>... classes) {
		Set<String> names = new HashSet<>(extra);
		for (Class<?> c : classes) {
			for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
				names.add(k.getName());
			}
		}
		return new ClassAllowList(names);
	}

	/** True if a model configuration (JSON) may name {@code className}. */
	public boolean allowsInConfiguration(String className) {
		if (extra.contains(className)) {
			return true;
		}
		return CONFIGURATION_PREFIXES.stream().anyMatch(className::startsWith)
				&& CONFIGURATION_EXCLUDED.stream().noneMatch(className::startsWith);
	}

	/** True if a serialized object of class {@code className} may be read (array classes by their element type). */
	public boolean allowsSerialized(String className) {
		String name = elementName(className);
		if (name == null) {
			return true; // an array of primitives
		}
		return extra.contains(name) || SERIALIZED_CLASSES.contains(name)
				|| SERIALIZED_PREFIXES.stream().anyMatch(name::startsWith);
	}

	/** The element class of an array class name ({@code [[Lx.Y;} gives {@code x.Y}); null for primitive arrays. */
	private static String elementName(String className) {
		if (!className.startsWith("[")) {
			return className;
		}
		String name = className.replaceFirst("^\\[+", "");
		if (name.startsWith("L") && name.endsWith(";")) {
			return name.substring(1, name.length() - 1);
		}
		return name.length() == 1 ? null : name;
	}
}
