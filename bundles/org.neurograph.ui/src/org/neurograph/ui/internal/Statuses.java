package org.neurograph.ui.internal;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.statushandlers.StatusManager;
import org.neurograph.ui.NeurographUi;

/**
 * Errors for the user and for the log. A dialog shows a message alone, never a stack trace; the trace goes to the
 * Error Log. (Jobs do not call {@link #showError}: they end with an error status, which the workbench shows.)
 */
public final class Statuses {
	private Statuses() {
	}

	/** An error status of this bundle. */
	public static IStatus error(String message, Throwable cause) {
		return new Status(IStatus.ERROR, NeurographUi.PLUGIN_ID, message, cause);
	}

	/** Logs a problem with its trace (Error Log), without a dialog. */
	public static void log(int severity, String message, Throwable cause) {
		StatusManager.getManager().handle(new Status(severity, NeurographUi.PLUGIN_ID, message, cause), StatusManager.LOG);
	}

	/**
	 * Shows {@code message} in an error dialog and logs it; {@code cause} (may be null) goes to the log only.
	 * May be called from any thread.
	 */
	public static void showError(String message, Throwable cause) {
		StatusManager manager = StatusManager.getManager();
		manager.handle(error(message, null), StatusManager.SHOW);
		manager.handle(error(message, cause), StatusManager.LOG);
	}

	/** A short text for an exception no one expected: its type and message, for the dialog that points to the log. */
	public static String describe(Throwable t) {
		String message = t.getMessage();
		String type = t.getClass().getSimpleName();
		return message == null || message.isBlank() ? type : type + ": " + message;
	}
}
