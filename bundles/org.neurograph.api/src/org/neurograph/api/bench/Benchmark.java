package org.neurograph.api.bench;

import java.io.PrintStream;

import org.neurograph.api.Progress;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A benchmark, registered as an OSGi service (a Declarative Services {@code @Component}); the command line runs it
 * with {@code neurograph cli bench NAME}. It prints its figures to {@code out}, one per line, with the settings that
 * matter (threads, sizes), warm runs after warm-up, medians of several rounds.
 */
@ConsumerType
public interface Benchmark {

	/** The name on the command line, e.g. {@code runtimes}, {@code poetry}; lower case. */
	String name();

	/** One sentence: what it measures. */
	String description();

	/** Runs the benchmark; checks {@link Progress#isCancelled()} between rounds. */
	void run(PrintStream out, Progress progress) throws Exception;
}
