package org.neurograph.cli.internal;

import java.io.PrintStream;

import org.neurograph.api.Progress;
import org.neurograph.api.bench.Benchmark;
import org.neurograph.runtime.dl4j.bench.Dl4jBenchmark;
import org.neurograph.runtime.onnx.bench.OnnxBenchmark;
import org.osgi.service.component.annotations.Component;

/**
 * {@code bench runtimes}: ND4J start-up, float matrix multiply, ONNX Runtime session creation and conv-net inference,
 * at 1 and 2 threads.
 */
@Component(service = Benchmark.class)
public class RuntimesBenchmark implements Benchmark {

	@Override
	public String name() {
		return "runtimes";
	}

	@Override
	public String description() {
		return "ND4J start-up and matmul GFLOP/s, ONNX Runtime session creation and conv-net inference";
	}

	@Override
	public void run(PrintStream out, Progress progress) {
		progress.begin("Benchmarking the runtimes", 2);
		progress.subTask("DL4J / ND4J");
		Dl4jBenchmark.run(out);
		progress.worked(1);
		if (progress.isCancelled()) {
			return;
		}
		progress.subTask("ONNX Runtime");
		OnnxBenchmark.run(out);
		progress.worked(1);
	}
}
