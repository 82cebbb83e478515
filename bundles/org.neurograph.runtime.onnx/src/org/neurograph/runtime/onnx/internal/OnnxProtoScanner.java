package org.neurograph.runtime.onnx.internal;

import java.util.ArrayList;
import java.util.List;

import org.neurograph.runtime.onnx.internal.ProtoReader.MalformedException;

/**
 * Walks an ONNX {@code ModelProto} in the wire format: checks that the whole file is well formed, that it has an IR
 * version, operator sets and a graph, and collects every tensor stored as external data, wherever it sits (graph
 * initializers, sparse initializers, node attributes, subgraphs of control-flow nodes, functions, training info).
 * Field numbers are those of {@code onnx.proto}.
 */
final class OnnxProtoScanner {

	/** A tensor whose data lives in another file. */
	record ExternalData(String tensor, String location) {
	}

	/** What the scan found. */
	record ModelFacts(long irVersion, int opsetImports, boolean hasGraph, List<ExternalData> externalData) {
	}

	private static final int MAX_DEPTH = 64;
	private static final int DATA_LOCATION_EXTERNAL = 1;

	private final List<ExternalData> external = new ArrayList<>();

	private OnnxProtoScanner() {
	}

	/** Scans a serialized {@code ModelProto}. */
	static ModelFacts scan(byte[] model) throws MalformedException {
		return new OnnxProtoScanner().model(new ProtoReader(model));
	}

	private ModelFacts model(ProtoReader r) throws MalformedException {
		long irVersion = 0;
		int opsets = 0;
		boolean graph = false;
		while (r.next()) {
			switch (r.field()) {
			case 1 -> irVersion = r.integer();
			case 7 -> {
				graph(r.message(), 1);
				graph = true;
			}
			case 8 -> {
				r.message();
				opsets++;
			}
			case 20 -> trainingInfo(r.message(), 1);
			case 25 -> function(r.message(), 1);
			default -> r.skip();
			}
		}
		return new ModelFacts(irVersion, opsets, graph, List.copyOf(external));
	}

	private void graph(ProtoReader r, int depth) throws MalformedException {
		checkDepth(depth);
		while (r.next()) {
			switch (r.field()) {
			case 1 -> node(r.message(), depth + 1);
			case 5 -> tensor(r.message());
			case 15 -> sparseTensor(r.message());
			default -> r.skip();
			}
		}
	}

	private void node(ProtoReader r, int depth) throws MalformedException {
		while (r.next()) {
			if (r.field() == 5) {
				attribute(r.message(), depth);
			} else {
				r.skip();
			}
		}
	}

	private void attribute(ProtoReader r, int depth) throws MalformedException {
		while (r.next()) {
			switch (r.field()) {
			case 5, 10 -> tensor(r.message());
			case 6, 11 -> graph(r.message(), depth + 1);
			case 22, 23 -> sparseTensor(r.message());
			default -> r.skip();
			}
		}
	}

	private void function(ProtoReader r, int depth) throws MalformedException {
		while (r.next()) {
			switch (r.field()) {
			case 7 -> node(r.message(), depth + 1);
			case 11 -> attribute(r.message(), depth + 1);
			default -> r.skip();
			}
		}
	}

	private void trainingInfo(ProtoReader r, int depth) throws MalformedException {
		while (r.next()) {
			if (r.field() == 1 || r.field() == 2) {
				graph(r.message(), depth + 1);
			} else {
				r.skip();
			}
		}
	}

	private void sparseTensor(ProtoReader r) throws MalformedException {
		while (r.next()) {
			if (r.field() == 1 || r.field() == 2) {
				tensor(r.message());
			} else {
				r.skip();
			}
		}
	}

	private void tensor(ProtoReader r) throws MalformedException {
		String name = "";
		String location = null;
		long dataLocation = 0;
		while (r.next()) {
			switch (r.field()) {
			case 8 -> name = r.string();
			case 13 -> {
				String[] entry = keyValue(r.message());
				if ("location".equals(entry[0])) {
					location = entry[1];
				}
			}
			case 14 -> dataLocation = r.integer();
			default -> r.skip();
			}
		}
		if (dataLocation == DATA_LOCATION_EXTERNAL && location == null) {
			throw new MalformedException("tensor '" + name + "' is stored externally but names no file");
		}
		if (location != null) {
			external.add(new ExternalData(name, location));
		}
	}

	private static String[] keyValue(ProtoReader r) throws MalformedException {
		String[] entry = { "", "" };
		while (r.next()) {
			if (r.field() == 1) {
				entry[0] = r.string();
			} else if (r.field() == 2) {
				entry[1] = r.string();
			} else {
				r.skip();
			}
		}
		return entry;
	}

	private static void checkDepth(int depth) throws MalformedException {
		if (depth > MAX_DEPTH) {
			throw new MalformedException("graphs are nested more than " + MAX_DEPTH + " levels deep");
		}
	}
}
