package org.neurograph.runtime.dl4j.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.OptionalDataException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.neurograph.runtime.dl4j.UnsafeModelException;

/**
 * Checks the bytes of a DL4J model file (a zip) before DL4J reads them. It sees the entries exactly as DL4J's
 * {@code ModelSerializer} does (a {@link ZipInputStream} over the same bytes) and refuses:
 * <ul>
 * <li>entries holding Java-serialized objects (DL4J reads {@code preprocessor.bin} and legacy normalizers with a
 * plain {@link ObjectInputStream}: a remote-code-execution route) whose classes are not on the allow-list; the
 * classes are checked by name before any is loaded;</li>
 * <li>a JSON configuration naming classes outside the allow-list (Jackson loads and initialises the classes a
 * configuration names);</li>
 * <li>a normalizer entry naming a custom serializer class outside the allow-list (ND4J instantiates it).</li>
 * </ul>
 */
public final class ModelZipScanner {

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };
	private static final int SERIAL_MAGIC = 0xACED;
	private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
	/** Bounds on object graphs while checking serialized entries. */
	private static final ObjectInputFilter LIMITS = ObjectInputFilter.Config
			.createFilter("maxdepth=64;maxrefs=1000000;maxarray=10000000");
	private static final String CONFIGURATION = "configuration.json";
	private static final String NORMALIZER = "normalizer.bin";
	private static final String NORMALIZER_HEADER = "NORMALIZER";
	/** A Java class name: dotted identifiers, the last one capitalised (or nested with '$'). */
	private static final Pattern CLASS_NAME = Pattern
			.compile("([a-zA-Z_$][a-zA-Z\\d_$]*\\.)+([A-Z][a-zA-Z\\d_$]*|[a-zA-Z_][a-zA-Z\\d_]*\\$[a-zA-Z\\d_$]+)");

	private final ClassAllowList allowList;
	private final long maxExpandedBytes;

	/** A scanner accepting the classes of {@code allowList} and entries of {@code maxExpandedBytes} in all. */
	public ModelZipScanner(ClassAllowList allowList, long maxExpandedBytes) {
		this.allowList = allowList;
		this.maxExpandedBytes = maxExpandedBytes;
	}

	/** Checks {@code bytes}, the content of the file {@code label}; throws with a message for the user if refused. */
	public void scan(String label, byte[] bytes) throws IOException {
		if (startsWithSerialMagic(bytes)) {
			throw new UnsafeModelException("Refused to open " + label + ": it holds a serialized Java object, not a "
					+ "DL4J model. Only open model files from sources you trust.");
		}
		if (!Arrays.equals(bytes, 0, Math.min(bytes.length, 4), ZIP_MAGIC, 0, 4)) {
			throw new IOException("Cannot open " + label + ": it is not a DL4J model file (those are zip archives).");
		}
		long expanded = 0;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry entry = nextEntry(label, zip); entry != null; entry = nextEntry(label, zip)) {
				byte[] data = read(label, zip, maxExpandedBytes - expanded);
				expanded += data.length;
				checkEntry(label, entry.getName(), data);
			}
		}
	}

	private static ZipEntry nextEntry(String label, ZipInputStream zip) throws IOException {
		try {
			return zip.getNextEntry();
		} catch (IOException e) {
			throw damaged(label, e);
		}
	}

	/** The current entry's content, refused if longer than {@code limit} (a zip bomb or a model too big for memory). */
	private byte[] read(String label, ZipInputStream zip, long limit) throws IOException {
		try {
			byte[] data = zip.readNBytes((int) Math.min(MAX_ARRAY, limit));
			if (zip.read() != -1) {
				throw new IOException("Cannot open " + label + ": it expands to more than "
						+ (maxExpandedBytes >> 20) + " MB, more than this workbench's memory allows.");
			}
			return data;
		} catch (java.util.zip.ZipException | EOFException e) {
			throw damaged(label, e);
		}
	}

	private static IOException damaged(String label, IOException e) {
		return new IOException("Cannot open " + label + ": the zip archive is damaged or truncated ("
				+ e.getMessage() + ").", e);
	}

	private void checkEntry(String label, String name, byte[] data) throws IOException {
		if (startsWithSerialMagic(data)) {
			checkSerialized(label, name, data);
		} else if (name.equals(CONFIGURATION)) {
			checkConfiguration(label, data);
		} else if (name.equals(NORMALIZER)) {
			checkNormalizer(label, data);
		}
	}

	private void checkSerialized(String label, String entry, byte[] data) throws IOException {
		try (ObjectInputStream in = new AllowListInputStream(new ByteArrayInputStream(data), allowList)) {
			in.setObjectInputFilter(LIMITS);
			while (true) {
				try {
					in.readObject();
				} catch (OptionalDataException primitives) {
					if (primitives.eof || in.skipBytes(primitives.length) < primitives.length) {
						return;
					}
				}
			}
		} catch (EOFException end) {
			return;
		} catch (RefusedClassException e) {
			throw refused(label, "its entry '" + entry + "' holds a serialized Java object of class '"
					+ e.className + "'");
		} catch (ClassNotFoundException | IOException | RuntimeException e) {
			throw new IOException("Cannot open " + label + ": its entry '" + entry + "' holds serialized Java data "
					+ "that cannot be read (" + e + ").", e);
		}
	}

	private void checkConfiguration(String label, byte[] json) throws IOException {
		JsonNode root;
		try {
			root = new ObjectMapper().readTree(json);
		} catch (JsonProcessingException e) {
			throw new IOException("Cannot open " + label + ": its configuration is not valid JSON ("
					+ e.getOriginalMessage() + ").", e);
		}
		checkJson(label, root);
	}

	private void checkJson(String label, JsonNode node) throws IOException {
		if (node == null) {
			return;
		}
		if (node.isTextual()) {
			checkNamedClass(label, node.textValue());
		}
		for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> field = it.next();
			checkNamedClass(label, field.getKey());
			checkJson(label, field.getValue());
		}
		if (node.isArray()) {
			for (JsonNode element : node) {
				checkJson(label, element);
			}
		}
	}

	private void checkNamedClass(String label, String text) throws UnsafeModelException {
		if (CLASS_NAME.matcher(text).matches() && !allowList.allowsInConfiguration(text)) {
			throw refused(label, "its configuration names the class '" + text + "'");
		}
	}

	private void checkNormalizer(String label, byte[] data) throws IOException {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
			if (!NORMALIZER_HEADER.equals(in.readUTF())) {
				return; // ND4J refuses it without loading any class
			}
			in.readInt();
			if ("CUSTOM".equals(in.readUTF())) {
				String strategy = in.readUTF();
				if (!allowList.allowsInConfiguration(strategy)) {
					throw refused(label, "its normalizer names the serializer class '" + strategy + "'");
				}
			}
		} catch (EOFException | java.io.UTFDataFormatException e) {
			// a damaged header: ND4J refuses it while parsing, before loading any class
		}
	}

	private static UnsafeModelException refused(String label, String what) {
		return new UnsafeModelException("Refused to open " + label + ": " + what + ", which is not on the list of "
				+ "classes a model may contain. Loading it could run foreign code. Only open model files from "
				+ "sources you trust; a plugin that uses its own classes in models must allow them.");
	}

	private static boolean startsWithSerialMagic(byte[] data) {
		return data.length >= 2 && ((data[0] & 0xff) << 8 | (data[1] & 0xff)) == SERIAL_MAGIC;
	}

	/** Signals a class outside the allow-list, before the class is loaded. */
	private static final class RefusedClassException extends InvalidClassException {
		private static final long serialVersionUID = 1L;
		final String className;

		RefusedClassException(String className) {
			super(className, "not on the allow-list");
			this.className = className;
		}
	}

	/** Resolves only allow-listed classes (and no proxies); anything else stops the stream before loading. */
	private static final class AllowListInputStream extends ObjectInputStream {
		private final ClassAllowList allowList;

		AllowListInputStream(InputStream in, ClassAllowList allowList) throws IOException {
			super(in);
			this.allowList = allowList;
		}

		@Override
		protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
			if (!allowList.allowsSerialized(desc.getName())) {
				throw new RefusedClassException(desc.getName());
			}
			return super.resolveClass(desc);
		}

		@Override
		protected Class<?> resolveProxyClass(String[] interfaces) throws IOException {
			throw new RefusedClassException("a dynamic proxy for " + String.join(", ", interfaces));
		}
	}
}
