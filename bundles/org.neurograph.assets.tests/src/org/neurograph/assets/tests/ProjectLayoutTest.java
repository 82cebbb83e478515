package org.neurograph.assets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.assets.NeurographProject;

class ProjectLayoutTest {
	@TempDir
	Path dir;

	private final List<IProject> made = new ArrayList<>();

	@AfterEach
	void deleteProjects() throws CoreException {
		for (IProject project : made) {
			project.delete(false, true, null);
		}
	}

	private IProject create(String name, Path location) throws CoreException {
		IProject project = NeurographProject.create(name, location == null ? null : location.toUri(), null);
		made.add(project);
		return project;
	}

	private static void assertLayout(IProject project) throws CoreException {
		assertTrue(NeurographProject.isNeurographProject(project));
		assertTrue(project.hasNature(NeurographProject.NATURE_ID));
		assertEquals(List.of("org.neurograph.assets.nature"), List.of(project.getDescription().getNatureIds()));
		for (String folder : NeurographProject.FOLDERS) {
			assertTrue(project.getFolder(folder).exists(), folder);
			assertTrue(Files.isDirectory(Path.of(project.getLocationURI()).resolve(folder)), folder);
		}
	}

	@Test
	void createGivesTheNatureAndTheFourFoldersAndCanBeRepeated() throws Exception {
		IProject project = create("portraits", null);
		assertLayout(project);
		assertEquals(project, create("portraits", null));
		assertLayout(project);
		project.close(null);
		assertFalse(NeurographProject.isNeurographProject(project), "a closed project is not one");
		create("portraits", null);
		assertLayout(project);
	}

	@Test
	void createAtAFolderMadeByTheCommandLineKeepsItsContent() throws Exception {
		NeurographProject.ensureLayout(dir);
		Files.createDirectories(dir.resolve("datasets/faces"));
		Files.write(dir.resolve("datasets/faces/a.png"), Fixtures.png(1));
		IProject project = create("from-cli", dir);
		assertLayout(project);
		assertEquals(dir, Path.of(project.getLocationURI()), "the project lives where the user chose");
		assertTrue(project.getFile("datasets/faces/a.png").exists(), "the existing files are in the workspace");
	}

	@Test
	void aPlainProjectIsNotOneUntilConfigured() throws Exception {
		IProject plain = ResourcesPlugin.getWorkspace().getRoot().getProject("plain");
		plain.create(null);
		plain.open(null);
		made.add(plain);
		assertFalse(NeurographProject.isNeurographProject(plain));
		assertFalse(NeurographProject.isNeurographProject(ResourcesPlugin.getWorkspace().getRoot().getProject("missing")));
		assertFalse(NeurographProject.isNeurographProject(null));
		NeurographProject.configure(plain, null);
		assertLayout(plain);
	}

	@Test
	void addingTheNatureByHandAlsoCreatesTheFolders() throws Exception {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("by-hand");
		project.create(null);
		project.open(null);
		made.add(project);
		IProjectDescription description = project.getDescription();
		description.setNatureIds(new String[] { NeurographProject.NATURE_ID });
		project.setDescription(description, null);
		assertLayout(project);
	}

	@Test
	void badNamesAndClosedProjectsGiveClearMessages() throws Exception {
		CoreException name = assertThrows(CoreException.class, () -> create("bad/name", null));
		assertTrue(name.getMessage().contains("'bad/name' is not a valid project name"), name.getMessage());
		IProject closed = ResourcesPlugin.getWorkspace().getRoot().getProject("closed");
		closed.create(null);
		made.add(closed);
		CoreException e = assertThrows(CoreException.class, () -> NeurographProject.configure(closed, null));
		assertTrue(e.getMessage().contains("closed"), e.getMessage());
	}

	@Test
	void ensureLayoutMakesTheFoldersInAPlainDirectory() throws Exception {
		Path projectDir = dir.resolve("cli-project");
		NeurographProject.ensureLayout(projectDir);
		NeurographProject.ensureLayout(projectDir);
		for (String folder : NeurographProject.FOLDERS) {
			assertTrue(Files.isDirectory(projectDir.resolve(folder)), folder);
		}
		Path other = dir.resolve("other");
		Files.createDirectories(other);
		Files.writeString(other.resolve("runs"), "a file in the way");
		IOException e = assertThrows(IOException.class, () -> NeurographProject.ensureLayout(other));
		assertTrue(e.getMessage().contains("runs") && e.getMessage().contains("rename or remove"), e.getMessage());
	}
}
