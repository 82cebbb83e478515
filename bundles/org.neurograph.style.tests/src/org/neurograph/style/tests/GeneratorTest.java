package org.neurograph.style.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.Artifact;
import org.neurograph.api.GenerationException;
import org.neurograph.api.GenerationRequest;
import org.neurograph.api.Generator;
import org.neurograph.api.ModelRef;
import org.neurograph.api.Progress;
import org.neurograph.style.FastStyleGenerator;
import org.neurograph.style.GatysGenerator;
import org.neurograph.style.StyleModelImporter;

/** The generators as the workbench and the command line use them: services, parameters, artifacts, provenance. */
class GeneratorTest {

	@TempDir
	Path project;

	@TempDir
	Path files;

	@Test
	void aWholeFolderIsStyledImageByImageWithProvenance() throws Exception {
		Path model = Services.get(StyleModelImporter.class).importModel(TestModels.invert(files, 0), project, "invert");
		Path folder = Files.createDirectories(files.resolve("photos"));
		ImageIO.write(TestModels.gradient(40, 30), "png", folder.resolve("b.png").toFile());
		ImageIO.write(TestModels.gradient(20, 50), "bmp", folder.resolve("a.bmp").toFile());
		Files.writeString(folder.resolve("notes.txt"), "not an image");
		Generator fast = generator(FastStyleGenerator.ID);
		ModelRef ref = new ModelRef("invert", model, "ab".repeat(32));
		GenerationRequest request = new GenerationRequest(
				fast.parameters().resolve(Map.of("input", folder.toString(), "strength", "1")), 1, 5, Optional.of(ref));

		List<Artifact> works = fast.generateAll(request, Progress.none());

		assertEquals(2, works.size());
		assertEquals("a-invert", works.get(0).name());
		assertEquals("b-invert", works.get(1).name());
		BufferedImage a = ImageIO.read(new ByteArrayInputStream(works.get(0).data()));
		assertEquals(20, a.getWidth());
		assertEquals(50, a.getHeight());
		assertEquals(0xffffff & ~TestModels.gradient(20, 50).getRGB(7, 9), 0xffffff & a.getRGB(7, 9));
		assertEquals("invert", works.get(1).provenance().modelName());
		assertEquals("ab".repeat(32), works.get(1).provenance().modelSha256());
		assertEquals(List.of(folder.resolve("b.png").toAbsolutePath().toString()), works.get(1).provenance().parents());
		assertEquals("1.0", works.get(1).provenance().parameters().get("strength"));
	}

	@Test
	void aMissingInputIsRefusedWithAMessage() throws Exception {
		Path model = Services.get(StyleModelImporter.class).importModel(TestModels.invert(files, 0), project, "invert");
		Generator fast = generator(FastStyleGenerator.ID);
		GenerationRequest request = new GenerationRequest(fast.parameters().resolve(Map.of("input",
				files.resolve("nowhere.png").toString())), 1, 5, Optional.of(new ModelRef("invert", model, "00")));
		GenerationException e = assertThrows(GenerationException.class, () -> fast.generateAll(request, Progress.none()));
		assertTrue(e.getMessage().contains("There is no image or folder at"), e.getMessage());
	}

	@Test
	void gatysMakesProgressImagesAndAFinalImage() throws Exception {
		Path content = files.resolve("photo.png");
		Path style = files.resolve("painting.png");
		ImageIO.write(TestModels.gradient(48, 40), "png", content.toFile());
		ImageIO.write(TestModels.gradient(30, 30), "png", style.toFile());
		Generator gatys = generator(GatysGenerator.ID);
		GenerationRequest request = new GenerationRequest(gatys.parameters().resolve(Map.of("content",
				content.toString(), "style", style.toString(), "size", "32", "iterations", "6", "progressEvery", "3")),
				1, 1);

		List<Artifact> works = gatys.generateAll(request, Progress.none());

		assertEquals(List.of("photo-in-style-of-painting-step3", "photo-in-style-of-painting"),
				works.stream().map(Artifact::name).toList());
		BufferedImage last = ImageIO.read(new ByteArrayInputStream(works.get(1).data()));
		assertEquals(32, last.getWidth());
		assertEquals(27, last.getHeight());
		assertEquals(2, works.get(1).provenance().parents().size());
	}

	@Test
	void gatysRefusesAVggFileThatIsNotVgg() throws Exception {
		Path content = files.resolve("photo.png");
		ImageIO.write(TestModels.gradient(16, 16), "png", content.toFile());
		Generator gatys = generator(GatysGenerator.ID);
		GenerationRequest request = new GenerationRequest(gatys.parameters().resolve(Map.of("content",
				content.toString(), "style", content.toString(), "vgg", TestModels.halving(files).toString())), 1, 1);
		GenerationException e = assertThrows(GenerationException.class, () -> gatys.generateAll(request, Progress.none()));
		assertTrue(e.getMessage().contains("is not a plain VGG-16/19 network"), e.getMessage());
	}

	private static Generator generator(String id) throws InterruptedException {
		return Services.find(Generator.class, g -> g.info().id().equals(id));
	}
}
