package org.neurograph.music.internal;

import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

import org.neurograph.music.MusicException;

/**
 * Java's software synthesizer (Gervill, {@code com.sun.media.sound.SoftSynthesizer}) opened as a stream of audio
 * rather than on a sound card, through its {@code AudioSynthesizer.openStream} method. That class lives in a package
 * the JDK does not export, so the JVM must run with
 * {@code --add-opens java.desktop/com.sun.media.sound=ALL-UNNAMED} (Neurograph's start script sets it).
 */
public final class Gervill implements AutoCloseable {
	/** The JVM option rendering needs. */
	public static final String ADD_OPENS = "--add-opens java.desktop/com.sun.media.sound=ALL-UNNAMED";
	private static final String AUDIO_SYNTHESIZER = "com.sun.media.sound.AudioSynthesizer";

	private final Synthesizer synth;
	private final AudioInputStream stream;
	private final Receiver receiver;

	private Gervill(Synthesizer synth, AudioInputStream stream, Receiver receiver) {
		this.synth = synth;
		this.stream = stream;
		this.receiver = receiver;
	}

	/**
	 * Opens a synthesizer that renders into a stream of {@code format}, with the instruments of {@code soundbank}, or
	 * Java's default sound bank if it is {@code null}.
	 */
	public static Gervill open(AudioFormat format, Soundbank soundbank) throws MusicException {
		Synthesizer synth;
		try {
			synth = MidiSystem.getSynthesizer();
		} catch (MidiUnavailableException e) {
			throw new MusicException("Java's built-in synthesizer is not available: " + e.getMessage(), e);
		}
		Method openStream = openStreamMethod(synth);
		Map<String, Object> info = new HashMap<>();
		info.put("load default soundbank", soundbank == null);
		AudioInputStream stream;
		try {
			stream = (AudioInputStream) openStream.invoke(synth, format, info);
		} catch (IllegalAccessException | InaccessibleObjectException e) {
			throw new MusicException("Rendering audio needs the Java option " + ADD_OPENS
					+ ". Start Neurograph with its start script, which sets it, or add the option to the Java command line.", e);
		} catch (InvocationTargetException e) {
			throw new MusicException("Java's synthesizer could not start: " + e.getCause().getMessage(), e.getCause());
		}
		try {
			if (soundbank != null && !synth.loadAllInstruments(soundbank)) {
				synth.close();
				throw new MusicException("The SoundFont '" + soundbank.getName() + "' has no instruments the synthesizer can load.");
			}
			return new Gervill(synth, stream, synth.getReceiver());
		} catch (MidiUnavailableException e) {
			synth.close();
			throw new MusicException("Java's synthesizer could not start: " + e.getMessage(), e);
		}
	}

	private static Method openStreamMethod(Synthesizer synth) throws MusicException {
		for (Class<?> c = synth.getClass(); c != null; c = c.getSuperclass()) {
			for (Class<?> i : c.getInterfaces()) {
				if (i.getName().equals(AUDIO_SYNTHESIZER)) {
					try {
						return i.getMethod("openStream", AudioFormat.class, Map.class);
					} catch (NoSuchMethodException e) {
						break;
					}
				}
			}
		}
		throw new MusicException("This Java runtime's synthesizer (" + synth.getClass().getName()
				+ ") cannot render to a file; use a Java runtime with the built-in Gervill synthesizer (OpenJDK).");
	}

	/** The audio the synthesizer makes. */
	public AudioInputStream stream() {
		return stream;
	}

	/** Where to send MIDI messages, time-stamped in microseconds from the start of the stream. */
	public Receiver receiver() {
		return receiver;
	}

	@Override
	public void close() {
		receiver.close();
		synth.close();
	}
}
