package org.neurograph.gan.ui.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * The lineage of bred images: nodes are works (project-relative output names), edges link each to its parents.
 * Nodes come from the picks made in the breeding view and from the provenance of their ancestors on disk.
 */
public final class Lineage {
	/** How many generations of ancestors are read from disk above a work. */
	static final int ANCESTRY_DEPTH = 6;

	/** A work in the lineage; {@code picked} when it was picked in this session. */
	public record Node(String name, List<String> parents, BufferedImage image, boolean picked) {
	}

	private final Map<String, Node> nodes = new LinkedHashMap<>();

	/** Adds (or replaces) a node. */
	public void add(Node node) {
		nodes.put(node.name(), node);
	}

	/** Adds the work {@code name} of {@code project} and its ancestors, as their provenance names them. */
	public void addWithAncestors(Path project, String name) {
		addWithAncestors(project, name, ANCESTRY_DEPTH);
	}

	private void addWithAncestors(Path project, String name, int depth) {
		if (nodes.containsKey(name) || depth < 0) {
			return;
		}
		Path file = project.resolve(name);
		List<String> parents = GanAssets.provenance(file).map(p -> p.parents()).orElse(List.of());
		add(new Node(name, parents, thumbnail(file), false));
		for (String parent : parents) {
			if (Files.isRegularFile(project.resolve(parent))) {
				addWithAncestors(project, parent, depth - 1);
			}
		}
	}

	private static BufferedImage thumbnail(Path file) {
		try {
			return ImageIO.read(file.toFile());
		} catch (IOException e) {
			return null;
		}
	}

	public List<Node> nodes() {
		return List.copyOf(nodes.values());
	}

	public Node node(String name) {
		return nodes.get(name);
	}

	/** The edges as {parent, child} pairs, for parents that are nodes. */
	public List<String[]> edges() {
		List<String[]> edges = new ArrayList<>();
		for (Node n : nodes.values()) {
			for (String p : n.parents()) {
				if (nodes.containsKey(p)) {
					edges.add(new String[] { p, n.name() });
				}
			}
		}
		return edges;
	}

	/** The generation of each node: 0 for a node without known parents, else one more than its latest parent. */
	public Map<String, Integer> generations() {
		Map<String, Integer> gen = new LinkedHashMap<>();
		for (String name : nodes.keySet()) {
			generation(name, gen, 0);
		}
		return gen;
	}

	private int generation(String name, Map<String, Integer> gen, int guard) {
		Integer known = gen.get(name);
		if (known != null) {
			return known;
		}
		int g = 0;
		if (guard < 1000) {
			for (String p : nodes.get(name).parents()) {
				if (nodes.containsKey(p) && !p.equals(name)) {
					g = Math.max(g, generation(p, gen, guard + 1) + 1);
				}
			}
		}
		gen.put(name, g);
		return g;
	}

	public void clear() {
		nodes.clear();
	}
}
