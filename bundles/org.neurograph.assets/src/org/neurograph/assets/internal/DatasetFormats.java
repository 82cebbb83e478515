package org.neurograph.assets.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.neurograph.api.AssetKind;

/**
 * Which files each kind of dataset accepts: images (png jpg jpeg gif bmp, and IDX image files such as MNIST's
 * {@code train-images-idx3-ubyte}, gzipped or not), texts (txt, u8, no extension) and tunes (abc mid midi), and the
 * checks a file must pass to be imported.
 */
public final class DatasetFormats {
	/** The asset kinds that are datasets, in the order a tie between them is decided. */
	public static final List<AssetKind> KINDS = List.of(AssetKind.IMAGE_DATASET, AssetKind.TUNE_COLLECTION,
			AssetKind.TEXT_CORPUS);

	private DatasetFormats() {
	}

	/** True for the dataset kinds. */
	public static boolean isDataset(AssetKind kind) {
		return KINDS.contains(kind);
	}

	/** The lower-case extension of a file name without the dot, or "" if it has none. */
	public static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot > 0 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
	}

	/** The dataset kind a file's extension suggests, if any. */
	public static Optional<AssetKind> kindOfName(String fileName) {
		String extension = extension(fileName);
		if (ImageCheck.accepts(extension) || IdxCheck.acceptsName(fileName)) {
			return Optional.of(AssetKind.IMAGE_DATASET);
		}
		if (TuneCheck.accepts(extension)) {
			return Optional.of(AssetKind.TUNE_COLLECTION);
		}
		return TextCheck.accepts(extension) ? Optional.of(AssetKind.TEXT_CORPUS) : Optional.empty();
	}

	/**
	 * Why a regular file cannot go into a dataset of {@code kind}, or empty if it can.
	 *
	 * @throws IOException if the file cannot be read
	 */
	public static Optional<String> problem(AssetKind kind, Path file) throws IOException {
		if (Files.size(file) == 0) {
			return Optional.of("empty file");
		}
		String fileName = file.getFileName().toString();
		String extension = extension(fileName);
		return switch (kind) {
		case IMAGE_DATASET -> IdxCheck.acceptsName(fileName) ? IdxCheck.problem(file) : ImageCheck.problem(file, extension);
		case TEXT_CORPUS -> TextCheck.problem(file, extension);
		case TUNE_COLLECTION -> TuneCheck.problem(file, extension);
		default -> throw new IllegalArgumentException(kind + " is not a dataset kind");
		};
	}
}
