package org.neurograph.runtime.onnx.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import org.neurograph.runtime.onnx.InvalidModelException;
import org.neurograph.runtime.onnx.OnnxPreferences;
import org.neurograph.runtime.onnx.internal.OnnxProtoScanner.ExternalData;
import org.neurograph.runtime.onnx.internal.OnnxProtoScanner.ModelFacts;
import org.neurograph.runtime.onnx.internal.ProtoReader.MalformedException;

/** The checks a model file passes before ONNX Runtime sees it; each refusal names the file and what was wrong. */
public final class ModelFileCheck {

	/**
	 * A model that passed the checks.
	 *
	 * @param file         the model file with symbolic links resolved
	 * @param bytes        its content, as checked (the session is made from these bytes when there is no external data)
	 * @param externalData the external-data files, all inside the model's folder
	 * @param stamp        size and modification time, to tell a changed file
	 */
	public record CheckedModel(Path file, byte[] bytes, List<Path> externalData, FileStamp stamp) {
	}

	/** A file's size and modification time. */
	public record FileStamp(long size, long modified) {

		/** The stamp of {@code file} now. */
		public static FileStamp of(Path file) throws IOException {
			BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
			return new FileStamp(a.size(), a.lastModifiedTime().toMillis());
		}
	}

	private ModelFileCheck() {
	}

	/** Checks {@code file} against a size limit of {@code maxBytes}. */
	public static CheckedModel check(Path file, long maxBytes) throws InvalidModelException {
		Path real = realFile(file);
		byte[] bytes;
		FileStamp stamp;
		try {
			stamp = FileStamp.of(real);
			if (stamp.size() == 0) {
				throw refused(file, "it is empty (0 bytes)");
			}
			if (stamp.size() > maxBytes) {
				throw refused(file, "it is " + megabytes(stamp.size()) + " MB, more than the limit of "
						+ megabytes(maxBytes) + " MB (preference '" + OnnxPreferences.MAX_MODEL_MEGABYTES + "' of "
						+ OnnxPreferences.QUALIFIER + ")");
			}
			bytes = Files.readAllBytes(real);
		} catch (IOException e) {
			throw refused(file, "it cannot be read (" + e.getMessage() + ")");
		}
		ModelFacts facts;
		try {
			facts = OnnxProtoScanner.scan(bytes);
		} catch (MalformedException e) {
			throw refused(file, "it is not a valid ONNX model: its protobuf data is damaged or truncated ("
					+ e.getMessage() + ")");
		}
		if (facts.irVersion() <= 0 || !facts.hasGraph() || facts.opsetImports() == 0) {
			throw refused(file, "it is not an ONNX model: it has " + (facts.irVersion() <= 0 ? "no IR version"
					: !facts.hasGraph() ? "no graph" : "no operator set"));
		}
		List<Path> external = new ArrayList<>();
		for (ExternalData data : facts.externalData()) {
			external.add(externalFile(file, real.getParent(), data));
		}
		return new CheckedModel(real, bytes, List.copyOf(external), stamp);
	}

	/** {@code file} with symbolic links resolved; it must exist and be a regular file. */
	public static Path realFile(Path file) throws InvalidModelException {
		Path real;
		try {
			real = file.toRealPath();
		} catch (NoSuchFileException e) {
			throw refused(file, "there is no such file");
		} catch (IOException e) {
			throw refused(file, "it cannot be read (" + e.getMessage() + ")");
		}
		if (!Files.isRegularFile(real)) {
			throw refused(file, "it is not a regular file");
		}
		return real;
	}

	/** The file of an external-data reference: relative, inside {@code folder}, no link on the way, a regular file. */
	private static Path externalFile(Path model, Path folder, ExternalData data) throws InvalidModelException {
		String location = data.location();
		String what = "its tensor '" + data.tensor() + "' refers to external data '" + location + "'";
		if (location.isEmpty() || location.indexOf('\0') >= 0) {
			throw refused(model, what + ", which is not a file name");
		}
		if (location.startsWith("/") || location.startsWith("\\") || location.matches("^[A-Za-z]:.*")) {
			throw refused(model, what + ": an absolute path. External data must lie in the model's own folder, "
					+ folder);
		}
		for (String segment : location.split("[/\\\\]")) {
			if (segment.equals("..")) {
				throw refused(model, what + ", which leaves the model's folder (..). External data must lie in the "
						+ "model's own folder, " + folder);
			}
		}
		Path resolved;
		try {
			resolved = folder.resolve(location).normalize();
		} catch (InvalidPathException e) {
			throw refused(model, what + ", which is not a valid path");
		}
		if (!resolved.startsWith(folder) || resolved.equals(folder)) {
			throw refused(model, what + ", which is outside the model's own folder, " + folder);
		}
		for (Path p = resolved; !p.equals(folder); p = p.getParent()) {
			if (Files.isSymbolicLink(p)) {
				throw refused(model, what + ", which passes through the symbolic link " + p + ". External data "
						+ "must be plain files in the model's own folder");
			}
		}
		if (!Files.isRegularFile(resolved, LinkOption.NOFOLLOW_LINKS)) {
			boolean exists = Files.exists(resolved, LinkOption.NOFOLLOW_LINKS);
			throw refused(model, what + ", but " + resolved + " is " + (exists ? "not a regular file" : "missing"));
		}
		return resolved;
	}

	private static long megabytes(long bytes) {
		return (bytes + (1 << 20) - 1) >> 20;
	}

	private static InvalidModelException refused(Path file, String why) {
		return new InvalidModelException("Cannot load the ONNX model " + file + ": " + why + ".");
	}
}
