package org.neurograph.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.AssetKind;
import org.neurograph.api.InvalidParametersException;
import org.neurograph.api.Parameter;
import org.neurograph.api.ParameterSpec;
import org.neurograph.api.ParameterValues;
import org.neurograph.api.Validation;

class ParameterSpecTest {

	private final ParameterSpec spec = ParameterSpec.builder()
			.integer("size", "Size", "Width and height in pixels.", 256, 16, 4096)
			.decimal("density", "Density", "Strokes per area.", 1.0, 0.05, 4.0)
			.choice("palette", "Palette", "Colours.", "ember", List.of("ember", "ocean", "forest"))
			.flag("mirror", "Mirror", "Mirror the image.", false)
			.text("title", "Title", "A title.", "", 20)
			.seed("noiseSeed", "Noise seed", "Seed of the noise.", 7L)
			.asset("model", "Model", "The model to use.", null, AssetKind.MODEL)
			.build();

	@Test
	void defaultsFillInWhatIsMissing() throws Exception {
		ParameterValues v = spec.resolve(Map.of("model", "portraits-64"));
		assertEquals(256, v.getInt("size"));
		assertEquals(1.0, v.getDouble("density"));
		assertEquals("ember", v.getString("palette"));
		assertFalse(v.getBoolean("mirror"));
		assertEquals(7L, v.getLong("noiseSeed"));
		assertEquals("portraits-64", v.getString("model"));
	}

	@Test
	void everyBadValueGetsItsOwnMessage() {
		Map<String, String> raw = new LinkedHashMap<>();
		raw.put("size", "5000");
		raw.put("density", "lots");
		raw.put("palette", "neon");
		raw.put("mirror", "maybe");
		raw.put("title", "x".repeat(21));
		raw.put("noiseSeed", "1.5");
		raw.put("colour", "red");
		Validation v = spec.validate(raw);
		assertFalse(v.isValid());
		assertEquals(List.of("size", "density", "palette", "mirror", "title", "noiseSeed", "model", "colour"),
				List.copyOf(v.errors().keySet()));
		assertEquals("5000 is out of range; expected an integer from 16 to 4096.", v.messageFor("size"));
		assertEquals("'lots' is not a number; expected a number from 0.05 to 4.0.", v.messageFor("density"));
		assertEquals("'neon' is not a choice; expected one of ember, ocean, forest.", v.messageFor("palette"));
		assertTrue(v.messageFor("mirror").contains("'maybe' is not a yes/no value"));
		assertTrue(v.messageFor("title").contains("21 characters"));
		assertTrue(v.messageFor("noiseSeed").contains("'1.5' is not a seed"));
		assertTrue(v.messageFor("model").startsWith("A value is needed"), v.messageFor("model"));
		assertTrue(v.messageFor("colour").contains("Unknown parameter"));
		assertTrue(v.messageFor("colour").contains("size, density, palette"));
		InvalidParametersException e = assertThrows(InvalidParametersException.class, () -> spec.resolve(raw));
		assertEquals(v.errors(), e.validation().errors());
		assertTrue(e.getMessage().contains("size: 5000 is out of range"));
	}

	@Test
	void valuesAreNormalisedAndRoundTripThroughText() throws Exception {
		ParameterValues v = spec.resolve(Map.of("size", " 1_024 ", "palette", "OCEAN", "mirror", "yes", "density", "0.5",
				"model", "m1", "noiseSeed", "-9"));
		assertEquals(1024, v.getInt("size"));
		assertEquals("ocean", v.getString("palette"));
		assertTrue(v.getBoolean("mirror"));
		ParameterValues again = spec.resolve(v.asStrings());
		assertEquals(v, again);
		assertEquals(List.of("size", "density", "palette", "mirror", "title", "noiseSeed", "model"),
				List.copyOf(v.asStrings().keySet()));
	}

	@Test
	void rangesAreInclusiveAndNanIsRefused() {
		assertTrue(spec.validate(Map.of("size", "16", "model", "a")).isValid());
		assertTrue(spec.validate(Map.of("size", "4096", "model", "a")).isValid());
		assertFalse(spec.validate(Map.of("size", "15", "model", "a")).isValid());
		assertFalse(spec.validate(Map.of("density", "NaN", "model", "a")).isValid());
		assertFalse(spec.validate(Map.of("density", "Infinity", "model", "a")).isValid());
		assertFalse(spec.validate(Map.of("size", "", "model", "a")).isValid());
	}

	@Test
	void assetNamesCannotEscapeTheProject() {
		assertNull(spec.validate(Map.of("model", "good name_1.v2")).messageFor("model"));
		for (String bad : List.of("../secrets", "/etc/passwd", "a/b", "..", ".hidden")) {
			assertTrue(spec.validate(Map.of("model", bad)).messageFor("model") != null, bad);
		}
	}

	@Test
	void pathsAreCheckedAgainstTheFileSystem(@TempDir Path dir) throws Exception {
		Path style = Files.writeString(dir.resolve("style.onnx"), "x");
		ParameterSpec paths = ParameterSpec.builder()
				.path("model", "Model file", "An ONNX file.", null, Parameter.PathKind.EXISTING_FILE, List.of("onnx"))
				.path("folder", "Folder", "A folder.", dir, Parameter.PathKind.EXISTING_FOLDER, List.of()).build();
		assertEquals(style, paths.resolve(Map.of("model", style.toString())).getPath("model"));
		assertTrue(paths.validate(Map.of("model", dir.resolve("missing.onnx").toString())).messageFor("model")
				.startsWith("No file at"));
		assertTrue(paths.validate(Map.of("model", dir.resolve("style.txt").toString())).messageFor("model")
				.contains("wrong type"));
		assertTrue(paths.validate(Map.of("model", style.toString(), "folder", style.toString())).messageFor("folder")
				.startsWith("No folder at"));
	}

	@Test
	void badDefinitionsAreRefusedWhenTheSpecIsBuilt() {
		assertThrows(IllegalArgumentException.class,
				() -> ParameterSpec.builder().integer("n", "N", "", 0, 1, 10).build());
		assertThrows(IllegalArgumentException.class,
				() -> ParameterSpec.builder().choice("c", "C", "", "z", List.of("a", "b")).build());
		assertThrows(IllegalArgumentException.class,
				() -> ParameterSpec.builder().flag("a", "A", "", true).flag("a", "A", "", false).build());
		assertThrows(IllegalArgumentException.class, () -> ParameterSpec.builder().flag("1bad", "A", "", true).build());
	}
}
