package org.neurograph.runtime.dl4j.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Builds tampered model files: a real model zip with one entry added or replaced. */
final class ModelFiles {

	private ModelFiles() {
	}

	/** Java-serializes {@code object}. */
	static byte[] serialize(Object object) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(object);
		}
		return bytes.toByteArray();
	}

	/** Writes {@code target}: the entries of {@code model} with {@code entry} set to {@code content}. */
	static void withEntry(Path model, Path target, String entry, byte[] content) throws IOException {
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(model));
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				if (!e.getName().equals(entry)) {
					out.putNextEntry(new ZipEntry(e.getName()));
					in.transferTo(out);
					out.closeEntry();
				}
			}
			out.putNextEntry(new ZipEntry(entry));
			out.write(content);
			out.closeEntry();
		}
	}

	/** The content of {@code entry} in the zip {@code model}. */
	static byte[] entry(Path model, String entry) throws IOException {
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(model))) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				if (e.getName().equals(entry)) {
					return in.readAllBytes();
				}
			}
		}
		throw new IOException("no entry " + entry + " in " + model);
	}
}
