package org.neurograph.music.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared test data beside the repository ({@code <repo>/../shared/data}, passed by the test pom as the system
 * property {@code neurograph.shared.data}). Missing data fails the test with a message; it is never skipped.
 */
final class SharedData {
	static final String PROPERTY = "neurograph.shared.data";

	private SharedData() {
	}

	/** The folder of the Nottingham Music Database. */
	static Path abcFolder() {
		String root = System.getProperty(PROPERTY);
		if (root == null) {
			fail("The system property " + PROPERTY + " is not set; run the tests through Maven (the test pom sets it to"
					+ " <repository>/../shared/data).");
		}
		Path abc = Path.of(root, "abc").normalize();
		if (!Files.isDirectory(abc)) {
			fail("The Nottingham Music Database is missing: expected " + abc + " (the shared data is cloned beside the"
					+ " repository as ../shared/data).");
		}
		return abc;
	}

	/** The 14 .abc files of the Nottingham Music Database, sorted by name. */
	static List<Path> abcFiles() throws IOException {
		try (Stream<Path> files = Files.list(abcFolder())) {
			List<Path> list = files.filter(f -> f.toString().endsWith(".abc")).sorted().toList();
			if (list.size() != 14) {
				fail("Expected the 14 files of the Nottingham Music Database in " + abcFolder() + ", found " + list.size());
			}
			return list;
		}
	}

	/** A Debian package's file, or a failure saying which package to install. */
	static Path debianFile(String path, String debianPackage) {
		Path p = Path.of(path);
		if (!Files.isRegularFile(p)) {
			fail(p + " is missing: install the Debian package " + debianPackage + " (apt-get install " + debianPackage + ").");
		}
		return p;
	}
}
