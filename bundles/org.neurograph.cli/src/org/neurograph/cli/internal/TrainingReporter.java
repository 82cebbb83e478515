package org.neurograph.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neurograph.api.Progress;
import org.neurograph.api.training.Metric;
import org.neurograph.training.RunListener;
import org.neurograph.training.TrainingRun;

/**
 * A training run's progress on stderr: what the trainer does while it opens, then at most one line a second with the
 * step and the latest metrics ({@code [step 120/1000  12%] loss 0.1234  gradNorm 0.5}), and always the last step.
 * Cancelled by Ctrl-C.
 */
final class TrainingReporter implements Progress, RunListener {
	private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final PrintStream err;
	private final AtomicBoolean cancelled;
	private final boolean quiet;
	private volatile long total = -1;
	private volatile boolean training;
	private long lastLine;

	TrainingReporter(PrintStream err, AtomicBoolean cancelled, boolean quiet) {
		this.err = err;
		this.cancelled = cancelled;
		this.quiet = quiet;
	}

	@Override
	public void begin(String taskName, int totalWork) {
		total = totalWork;
		training = true;
	}

	@Override
	public void worked(int units) {
		// lines come from the metrics
	}

	@Override
	public void subTask(String name) {
		if (!quiet && !training) {
			err.println(name);
		}
	}

	@Override
	public boolean isCancelled() {
		return cancelled.get();
	}

	@Override
	public void metricsLogged(TrainingRun run, List<Metric> metrics) {
		if (quiet || metrics.isEmpty()) {
			return;
		}
		long step = metrics.get(0).step();
		long now = System.nanoTime();
		if (now - lastLine < INTERVAL_NANOS && step != total && lastLine != 0) {
			return;
		}
		lastLine = now;
		StringBuilder line = new StringBuilder("[step ").append(step);
		if (total > 0) {
			line.append('/').append(total).append(String.format(Locale.ROOT, " %3d%%", step * 100 / total));
		}
		line.append(']');
		for (Metric m : metrics) {
			line.append(String.format(Locale.ROOT, " %s %.4g ", m.name(), m.value()));
		}
		err.println(line.toString().stripTrailing());
	}
}
