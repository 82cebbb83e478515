package org.neurograph.music;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.neurograph.assets.AtomicFiles;
import org.neurograph.poetry.CharLstm;
import org.neurograph.poetry.CharLstmFiles;

/**
 * A trained tune LSTM: the network and its token vocabulary ({@link TuneTokens}). The network is a
 * {@link CharLstm} (the plain-Java LSTM of the poetry bundle, which the sampler runs without DL4J) whose "characters"
 * stand for tokens: token {@code i} is the character {@code U+E000 + i} of the Unicode private use area. A model
 * folder holds {@value #NETWORK_FILE} (the {@link CharLstmFiles} format) and {@value #TOKENS_FILE} (one token per
 * line, in index order).
 */
public final class TuneModel {
	/** The network file in a model folder. */
	public static final String NETWORK_FILE = "tunelstm.bin";
	/** The vocabulary file in a model folder. */
	public static final String TOKENS_FILE = "tokens.txt";
	/** The most tokens a vocabulary may have (the size of the private use area used for them). */
	public static final int MAX_TOKENS = 6400;
	private static final char FIRST = '\uE000';

	private final CharLstm network;
	private final List<String> tokens;
	private final List<TuneTokens.Token> parsed;
	private final Map<String, Integer> index = new HashMap<>();

	/**
	 * @throws IllegalArgumentException if the tokens are not distinct tune tokens, lack {@link TuneTokens#END}, or
	 *                                  do not match the network's vocabulary
	 */
	public TuneModel(CharLstm network, List<String> tokens) {
		this.network = Objects.requireNonNull(network, "network");
		this.tokens = List.copyOf(tokens);
		if (!network.vocabulary().equals(vocabulary(tokens.size()))) {
			throw new IllegalArgumentException("The network's vocabulary does not match " + tokens.size() + " tokens.");
		}
		List<TuneTokens.Token> p = new ArrayList<>();
		for (int i = 0; i < this.tokens.size(); i++) {
			p.add(TuneTokens.Token.of(this.tokens.get(i)));
			if (index.put(this.tokens.get(i), i) != null) {
				throw new IllegalArgumentException("The token '" + this.tokens.get(i) + "' appears twice.");
			}
		}
		if (!index.containsKey(TuneTokens.END)) {
			throw new IllegalArgumentException("The vocabulary has no " + TuneTokens.END + " token.");
		}
		this.parsed = List.copyOf(p);
	}

	/** The private-use characters that stand for {@code size} tokens. */
	public static String vocabulary(int size) {
		if (size < 1 || size > MAX_TOKENS) {
			throw new IllegalArgumentException("A vocabulary has 1 to " + MAX_TOKENS + " tokens, not " + size + ".");
		}
		StringBuilder b = new StringBuilder(size);
		for (int i = 0; i < size; i++) {
			b.append((char) (FIRST + i));
		}
		return b.toString();
	}

	/** The network. */
	public CharLstm network() {
		return network;
	}

	/** The tokens in index order. */
	public List<String> tokens() {
		return tokens;
	}

	/** Token {@code i}, read. */
	public TuneTokens.Token token(int i) {
		return parsed.get(i);
	}

	/** The number of tokens. */
	public int size() {
		return tokens.size();
	}

	/** The index of a token, or -1. */
	public int indexOf(String token) {
		return index.getOrDefault(token, -1);
	}

	/** Writes {@value #NETWORK_FILE} and {@value #TOKENS_FILE} into {@code folder}, each atomically. */
	public void write(Path folder) throws IOException {
		CharLstmFiles.write(network, folder.resolve(NETWORK_FILE));
		AtomicFiles.write(folder.resolve(TOKENS_FILE), (String.join("\n", tokens) + "\n").getBytes(StandardCharsets.UTF_8));
	}

	/** Reads a model folder, with a message naming what is missing or damaged. */
	public static TuneModel load(Path folder) throws IOException {
		Path net = folder.resolve(NETWORK_FILE);
		Path vocabulary = folder.resolve(TOKENS_FILE);
		if (!Files.isRegularFile(net) || !Files.isRegularFile(vocabulary)) {
			throw new IOException("The folder " + folder + " holds no tune LSTM: " + NETWORK_FILE + " and " + TOKENS_FILE
					+ " are expected. Train one with the tune LSTM trainer (org.neurograph.music.folkrnn).");
		}
		List<String> tokens = Files.readAllLines(vocabulary, StandardCharsets.UTF_8).stream().filter(s -> !s.isEmpty())
				.toList();
		try {
			return new TuneModel(CharLstmFiles.read(net), tokens);
		} catch (IllegalArgumentException e) {
			throw new IOException("The tune LSTM in " + folder + " is damaged: " + e.getMessage(), e);
		}
	}
}
