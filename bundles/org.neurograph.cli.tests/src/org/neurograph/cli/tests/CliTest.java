package org.neurograph.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.Provenance;
import org.neurograph.assets.PngProvenance;
import org.neurograph.assets.ProvenanceJson;
import org.neurograph.cli.internal.Cli;
import org.osgi.framework.FrameworkUtil;

/** The command line, run in-process inside OSGi with the example plugin installed. */
class CliTest {
	private static final String FLOWFIELD = "org.neurograph.examples.flowfield";

	private record Run(int exit, String out, String err) {
		List<Path> outputs() {
			return out.lines().filter(l -> !l.isBlank()).map(Path::of).toList();
		}
	}

	private static Run cli(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = new Cli(FrameworkUtil.getBundle(CliTest.class).getBundleContext(),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void generateIsReproducibleFromItsSeed(@TempDir Path dir) throws Exception {
		Path project = dir.resolve("studio");
		String[] args = { "generate", "--generator", FLOWFIELD, "--project", project.toString(), "--count", "2", "--seed",
				"1234", "--param", "width=80", "--param", "height=60", "--param", "palette=dusk", "--quiet" };
		Run first = cli(args);
		assertEquals(Cli.OK, first.exit(), first.err());
		Run second = cli(args);
		assertEquals(Cli.OK, second.exit(), second.err());

		assertEquals(2, first.outputs().size());
		assertEquals(2, second.outputs().size());
		for (String folder : List.of("datasets", "models", "runs", "outputs")) {
			assertTrue(Files.isDirectory(project.resolve(folder)), "project layout: " + folder);
		}
		for (int i = 0; i < 2; i++) {
			Path a = first.outputs().get(i);
			Path b = second.outputs().get(i);
			assertNotEquals(a, b, "a second run never overwrites the first");
			assertArrayEquals(pixelsOf(a), pixelsOf(b), "same seed, same image");
			Provenance p = ProvenanceJson.readSidecar(a).orElseThrow();
			assertEquals(1234 + i, p.seed());
			assertEquals(FLOWFIELD, p.generatorId());
			assertEquals("dusk", p.parameters().get("palette"));
			assertEquals(p, PngProvenance.read(a).orElseThrow(), "the PNG carries the same provenance");
		}

		// the provenance of work 1 makes it again
		Provenance p = ProvenanceJson.readSidecar(first.outputs().get(1)).orElseThrow();
		Run again = cli("generate", "--generator", FLOWFIELD, "--project", project.toString(), "--seed",
				Long.toString(p.seed()), "--param", "width=" + p.parameters().get("width"), "--param",
				"height=" + p.parameters().get("height"), "--param", "palette=" + p.parameters().get("palette"), "--quiet");
		assertEquals(Cli.OK, again.exit(), again.err());
		assertArrayEquals(pixelsOf(first.outputs().get(1)), pixelsOf(again.outputs().get(0)));
	}

	/** The decoded pixels (the PNG bytes differ: the embedded provenance holds the creation time). */
	private static byte[] pixelsOf(Path png) throws Exception {
		BufferedImage img = ImageIO.read(png.toFile());
		int[] rgb = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
		ByteBuffer bytes = ByteBuffer.allocate(rgb.length * 4);
		bytes.asIntBuffer().put(rgb);
		return bytes.array();
	}

	@Test
	void listShowsGeneratorsAndTheirParameters() {
		Run r = cli("list");
		assertEquals(Cli.OK, r.exit(), r.err());
		assertTrue(r.out().contains(FLOWFIELD + "  Flow field 1.0.0 (image)"), r.out());
		assertTrue(r.out().contains("--param width=<an integer from 16 to 4096>  default 768"), r.out());
		assertTrue(r.out().contains("--param palette=<one of ember, ocean, forest, dusk, sakura, mono>"), r.out());
	}

	@Test
	void badCommandLinesExitWithUsageAndSayWhy(@TempDir Path dir) {
		String project = dir.toString();
		assertUsage(cli(), "Usage: neurograph cli");
		assertUsage(cli("paint"), "Unknown command 'paint'");
		assertUsage(cli("generate", "--project", project), "Missing --generator");
		assertUsage(cli("generate", "--generator", "no.such", "--project", project), "No generator 'no.such'. Installed: " + FLOWFIELD);
		assertUsage(cli("generate", "--generator", FLOWFIELD, "--project", project, "--count", "0"),
				"--count must be a whole number from 1 to 10000, not '0'");
		assertUsage(cli("generate", "--generator", FLOWFIELD, "--project", project, "--seed", "abc"),
				"--seed must be a whole number");
		assertUsage(cli("generate", "--generator", FLOWFIELD, "--project", project, "--param", "width"),
				"must have the form key=value");
		Run bad = cli("generate", "--generator", FLOWFIELD, "--project", project, "--param", "width=9", "--param", "colour=red");
		assertUsage(bad, "width: 9 is out of range; expected an integer from 16 to 4096.");
		assertTrue(bad.err().contains("colour: Unknown parameter"), bad.err());
		assertUsage(cli("generate", "--generator", FLOWFIELD, "--project", project, "--frobnicate"), "Unknown option '--frobnicate'");
	}

	@Test
	void importCopiesADatasetNamesWhatItSkipsAndGuessesTheKind(@TempDir Path dir) throws Exception {
		Path photos = Files.createDirectories(dir.resolve("photos"));
		BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0xff8800);
		ImageIO.write(image, "png", photos.resolve("a.png").toFile());
		Files.write(photos.resolve("b.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		Path project = dir.resolve("studio");

		Run r = cli("import", "--project", project.toString(), "--name", "photos", photos.toString());
		assertEquals(Cli.OK, r.exit(), r.err());
		Path dataset = project.resolve("datasets/photos");
		assertEquals(List.of(dataset), r.outputs());
		assertTrue(Files.isRegularFile(dataset.resolve("a.png")));
		assertTrue(!Files.exists(dataset.resolve("b.png")), "a damaged file is not imported");
		assertTrue(r.err().contains("b.png"), r.err());
		assertTrue(r.err().contains("1 file imported into " + dataset + " as image dataset; 1 skipped"), r.err());
		assertTrue(Files.isDirectory(project.resolve("outputs")), "the project folder gets the Neurograph layout");

		Run again = cli("import", "--project", project.toString(), "--name", "photos", photos.toString());
		assertEquals(Cli.FAILURE, again.exit());
		assertTrue(again.err().contains("A dataset named 'photos' already exists"), again.err());

		Path poems = Files.writeString(dir.resolve("poems.txt"), "Roses are red\n");
		Run text = cli("import", "--project", project.toString(), "--name", "poems", poems.toString());
		assertEquals(Cli.OK, text.exit(), text.err());
		assertTrue(text.err().contains("as text corpus"), text.err());

		String p = project.toString();
		assertUsage(cli("import", "--project", p, "--name", "x"), "Name at least one file or folder to import");
		assertUsage(cli("import", "--project", p, "--name", "x", "--kind", "sounds", poems.toString()),
				"--kind 'sounds' is not a dataset kind: use images, texts or tunes");
		assertUsage(cli("import", "--project", p, "--name", "../x", poems.toString()), "is not a valid dataset name");
		Path odd = Files.writeString(dir.resolve("data.xyz"), "?");
		assertUsage(cli("import", "--project", p, "--name", "odd", odd.toString()),
				"Cannot tell what kind of dataset these files make: give --kind images, texts or tunes");
	}

	@Test
	void aProjectThatIsAFileIsRefused(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("notes.txt"), "x");
		assertUsage(cli("generate", "--generator", FLOWFIELD, "--project", file.toString()), "is a file; give a project folder");
	}

	private static void assertUsage(Run r, String expected) {
		assertEquals(Cli.USAGE, r.exit(), r.err());
		assertTrue(r.err().contains(expected), "expected '" + expected + "' in:\n" + r.err());
		assertTrue(!r.err().contains("Exception"), "no stack trace: " + r.err());
	}
}
