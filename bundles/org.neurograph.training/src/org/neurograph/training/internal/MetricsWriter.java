package org.neurograph.training.internal;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

import org.neurograph.api.training.Metric;
import org.neurograph.assets.AtomicFiles;
import org.neurograph.training.MetricsLog;

/**
 * Appends to a run's {@code metrics.jsonl}, each step's lines in one unbuffered write, so that every line reaches the
 * operating system as soon as it is measured. Opening it repairs the log first: lines after the step the run resumes
 * from, unreadable lines and a torn last line are dropped, and the file is rewritten atomically.
 */
public final class MetricsWriter implements Closeable {
	private final FileChannel channel;

	private MetricsWriter(FileChannel channel) {
		this.channel = channel;
	}

	/** Opens the log of {@code runDir} for appending, keeping only complete lines of steps up to {@code lastStep}. */
	public static MetricsWriter open(Path runDir, long lastStep) throws IOException {
		Path file = runDir.resolve(MetricsLog.FILE);
		if (Files.exists(file)) {
			repair(file, lastStep);
		}
		return new MetricsWriter(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND));
	}

	/** Appends the lines of one step. */
	public void append(List<Metric> metrics) throws IOException {
		StringBuilder lines = new StringBuilder();
		for (Metric m : metrics) {
			lines.append(MetricsLog.format(m)).append('\n');
		}
		ByteBuffer buffer = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
		while (buffer.hasRemaining()) {
			channel.write(buffer);
		}
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}

	private static void repair(Path file, long lastStep) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		ByteArrayOutputStream kept = new ByteArrayOutputStream(bytes.length);
		int lineStart = 0;
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				String line = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8);
				Optional<Metric> m = MetricsLog.parse(line);
				if (m.isPresent() && m.get().step() <= lastStep) {
					kept.write(bytes, lineStart, i + 1 - lineStart);
				}
				lineStart = i + 1;
			}
		}
		if (kept.size() != bytes.length) {
			AtomicFiles.write(file, kept.toByteArray());
		}
	}
}
