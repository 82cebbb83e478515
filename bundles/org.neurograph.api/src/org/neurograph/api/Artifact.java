package org.neurograph.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One generated work, in memory: a suggested base name, the media kind, the file extension and MIME type of its
 * bytes, and its {@link Provenance}. The host writes it into the project's {@code outputs/} folder (atomically, with
 * a provenance sidecar) under a unique name.
 */
@ProviderType
public final class Artifact {
	/** Base names: safe on every file system; the host makes them unique. */
	public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

	private final String name;
	private final MediaKind kind;
	private final String extension;
	private final String mimeType;
	private final byte[] data;
	private final Provenance provenance;

	public Artifact(String name, MediaKind kind, String extension, String mimeType, byte[] data, Provenance provenance) {
		Objects.requireNonNull(name, "name");
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("invalid artifact name '" + name + "': letters, digits, '.', '-', '_'");
		}
		this.name = name;
		this.kind = Objects.requireNonNull(kind, "kind");
		this.extension = Objects.requireNonNull(extension, "extension");
		if (!extension.matches("[a-z0-9]{1,8}")) {
			throw new IllegalArgumentException("invalid extension '" + extension + "'");
		}
		this.mimeType = Objects.requireNonNull(mimeType, "mimeType");
		this.data = Objects.requireNonNull(data, "data").clone();
		this.provenance = Objects.requireNonNull(provenance, "provenance");
	}

	/** A PNG image. */
	public static Artifact png(String name, byte[] png, Provenance provenance) {
		return new Artifact(name, MediaKind.IMAGE, "png", "image/png", png, provenance);
	}

	/** A UTF-8 text. */
	public static Artifact text(String name, String text, Provenance provenance) {
		return new Artifact(name, MediaKind.TEXT, "txt", "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8),
				provenance);
	}

	public String name() {
		return name;
	}

	public MediaKind kind() {
		return kind;
	}

	/** The file extension without the dot, e.g. {@code png}. */
	public String extension() {
		return extension;
	}

	public String mimeType() {
		return mimeType;
	}

	/** A copy of the bytes. */
	public byte[] data() {
		return data.clone();
	}

	/** The number of bytes. */
	public int size() {
		return data.length;
	}

	public Provenance provenance() {
		return provenance;
	}

	@Override
	public String toString() {
		return "Artifact[" + name + "." + extension + ", " + data.length + " bytes, " + provenance + "]";
	}
}
