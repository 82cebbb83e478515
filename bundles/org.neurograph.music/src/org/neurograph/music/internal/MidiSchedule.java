package org.neurograph.music.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * The channel messages of a MIDI sequence in microseconds, following its tempo changes, and the map between ticks
 * and microseconds (for showing where playback is).
 */
public final class MidiSchedule {
	private static final int META_TEMPO = 0x51;
	private static final int DEFAULT_MPQ = 500_000;

	/** A channel message and when it is sent. */
	public record Timed(long micros, ShortMessage message) {
	}

	private final List<Timed> messages = new ArrayList<>();
	private final List<long[]> tempo = new ArrayList<>();
	private final int ppq;
	private final long endMicros;

	private MidiSchedule(Sequence sequence) {
		ppq = sequence.getResolution();
		List<MidiEvent> all = new ArrayList<>();
		for (Track t : sequence.getTracks()) {
			for (int i = 0; i < t.size(); i++) {
				all.add(t.get(i));
			}
		}
		all.sort(Comparator.comparingLong(MidiEvent::getTick));
		tempo.add(new long[] { 0, 0, DEFAULT_MPQ });
		for (MidiEvent e : all) {
			if (e.getMessage() instanceof MetaMessage m && m.getType() == META_TEMPO && m.getData().length == 3) {
				byte[] d = m.getData();
				long mpq = (d[0] & 0xFF) << 16 | (d[1] & 0xFF) << 8 | d[2] & 0xFF;
				long at = micros(e.getTick());
				long[] last = tempo.get(tempo.size() - 1);
				if (last[0] == e.getTick()) {
					tempo.remove(tempo.size() - 1);
				}
				tempo.add(new long[] { e.getTick(), at, Math.max(1, mpq) });
			}
		}
		long end = 0;
		for (MidiEvent e : all) {
			end = Math.max(end, e.getTick());
			if (e.getMessage() instanceof ShortMessage s) {
				messages.add(new Timed(micros(e.getTick()), s));
			}
		}
		endMicros = micros(end);
	}

	/** The schedule of a sequence with PPQ timing. */
	public static MidiSchedule of(Sequence sequence) {
		if (sequence.getDivisionType() != Sequence.PPQ) {
			throw new IllegalArgumentException("only PPQ sequences can be scheduled");
		}
		return new MidiSchedule(sequence);
	}

	/** The channel messages in time order. */
	public List<Timed> messages() {
		return messages;
	}

	/** When the last event happens. */
	public long lengthMicros() {
		return endMicros;
	}

	/** The time of a tick. */
	public long micros(long tick) {
		long[] seg = segmentByTick(tick);
		return seg[1] + (tick - seg[0]) * seg[2] / ppq;
	}

	/** The tick at a time. */
	public long tick(long micros) {
		long[] seg = tempo.get(0);
		for (long[] s : tempo) {
			if (s[1] <= micros) {
				seg = s;
			}
		}
		return seg[0] + (micros - seg[1]) * ppq / seg[2];
	}

	/** The resolution in ticks per quarter note. */
	public int ticksPerQuarter() {
		return ppq;
	}

	private long[] segmentByTick(long tick) {
		long[] seg = tempo.get(0);
		for (long[] s : tempo) {
			if (s[0] <= tick) {
				seg = s;
			}
		}
		return seg;
	}
}
