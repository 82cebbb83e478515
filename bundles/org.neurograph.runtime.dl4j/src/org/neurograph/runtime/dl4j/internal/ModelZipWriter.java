package org.neurograph.runtime.dl4j.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.serializer.NormalizerSerializer;

/**
 * Writes a DL4J model file in {@code ModelSerializer}'s format. A normalizer is added as its own entry: DL4J's
 * {@code writeModel(..., normalizer)} fails in 1.0.0-M2.1 (the normalizer serializer closes the zip stream).
 */
public final class ModelZipWriter {

	private ModelZipWriter() {
	}

	/** Writes {@code model} (with its updater state if {@code saveUpdater}) and {@code normalizer} (may be null). */
	public static void write(Model model, boolean saveUpdater, DataNormalization normalizer, Path file)
			throws IOException {
		if (normalizer == null) {
			try (OutputStream out = Files.newOutputStream(file)) {
				ModelSerializer.writeModel(model, out, saveUpdater);
			}
			return;
		}
		ByteArrayOutputStream modelZip = new ByteArrayOutputStream();
		ModelSerializer.writeModel(model, modelZip, saveUpdater);
		ByteArrayOutputStream normalizerBytes = new ByteArrayOutputStream();
		NormalizerSerializer.getDefault().write(normalizer, normalizerBytes);
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(modelZip.toByteArray()));
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				in.transferTo(out);
				out.closeEntry();
			}
			out.putNextEntry(new ZipEntry(ModelSerializer.NORMALIZER_BIN));
			out.write(normalizerBytes.toByteArray());
			out.closeEntry();
		}
	}
}
