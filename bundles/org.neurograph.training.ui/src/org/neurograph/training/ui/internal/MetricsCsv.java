package org.neurograph.training.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.neurograph.api.training.Metric;
import org.neurograph.assets.AtomicFiles;
import org.neurograph.training.RunFolder;

/** Metrics as CSV: {@code run,step,metric,value,time}, one row per logged value, runs one after another. */
final class MetricsCsv {
	static final String HEADER = "run,step,metric,value,time";

	private MetricsCsv() {
	}

	/** Writes the metrics of {@code runs} to {@code file} (atomically). */
	static void write(List<RunFolder> runs, Path file) throws IOException {
		StringBuilder csv = new StringBuilder(HEADER).append('\n');
		for (RunFolder run : runs) {
			for (Metric m : run.metrics()) {
				csv.append(run.id()).append(',').append(m.step()).append(',').append(quoted(m.name())).append(',')
						.append(String.format(Locale.ROOT, "%s", m.value())).append(',').append(m.time()).append('\n');
			}
		}
		AtomicFiles.writeString(file, csv.toString());
	}

	private static String quoted(String s) {
		return s.matches("[A-Za-z0-9_./ -]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
	}
}
