package org.neurograph.training.internal;

import java.time.Duration;
import java.time.Instant;

import org.neurograph.training.RunInfo.ProcessOwner;

/** Who this process is, and whether a recorded process still lives (the same id and start time). */
public final class Processes {
	/** Start times are read from the system clock's ticks; two reads of one process agree to well within this. */
	private static final Duration START_TOLERANCE = Duration.ofSeconds(1);
	private static final ProcessOwner SELF = owner(ProcessHandle.current());

	private Processes() {
	}

	/** This process. */
	public static ProcessOwner self() {
		return SELF;
	}

	/** True if {@code owner} is this process. */
	public static boolean isSelf(ProcessOwner owner) {
		return owner != null && owner.pid() == SELF.pid() && owner.started().equals(SELF.started());
	}

	/** True if the process is still running: its id is alive and started when recorded (not a reused id). */
	public static boolean isAlive(ProcessOwner owner) {
		if (owner == null) {
			return false;
		}
		return ProcessHandle.of(owner.pid()).filter(ProcessHandle::isAlive).map(h -> {
			Instant started = h.info().startInstant().orElse(null);
			return started == null
					|| Duration.between(started, owner.started()).abs().compareTo(START_TOLERANCE) <= 0;
		}).orElse(false);
	}

	private static ProcessOwner owner(ProcessHandle handle) {
		return new ProcessOwner(handle.pid(), handle.info().startInstant().orElse(Instant.EPOCH));
	}
}
