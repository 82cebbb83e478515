package org.neurograph.style.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test data beside the repository ({@code ../shared/data}), located by the test pom. */
final class SharedData {

	private SharedData() {
	}

	/** The folder {@code relative} inside the shared data; fails with a clear message when it is missing. */
	static Path get(String relative) {
		String root = System.getProperty("neurograph.shared.data");
		if (root == null) {
			throw new AssertionError("The system property neurograph.shared.data is not set: run the tests with Maven.");
		}
		Path path = Path.of(root).resolve(relative).normalize();
		if (!Files.exists(path)) {
			throw new AssertionError("The shared test data '" + path + "' is missing: clone the repository with "
					+ "../shared/data beside it (see shared/data/README.md).");
		}
		return path;
	}
}
