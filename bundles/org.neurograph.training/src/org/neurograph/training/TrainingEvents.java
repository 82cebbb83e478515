package org.neurograph.training;

/**
 * The topics and property keys of the events the engine posts on the OSGi event bus (EventAdmin) while runs train.
 * Every event carries {@link #RUN_ID}, {@link #PROJECT} and {@link #STEP}.
 * <ul>
 * <li>{@link #METRIC}: one logged value: {@link #NAME}, {@link #VALUE}, {@link #TIME}.</li>
 * <li>{@link #SAMPLE}: samples were written: {@link #FILES}.</li>
 * <li>{@link #CHECKPOINT}: a checkpoint was written.</li>
 * <li>{@link #STATE}: {@code run.json} changed: {@link #STATE_NAME}, {@link #MESSAGE}, {@link #TOTAL_STEPS}.</li>
 * </ul>
 */
public final class TrainingEvents {
	/** Every training topic, for an event handler's {@code event.topics}. */
	public static final String ALL = "org/neurograph/training/*";
	public static final String METRIC = "org/neurograph/training/METRIC";
	public static final String SAMPLE = "org/neurograph/training/SAMPLE";
	public static final String CHECKPOINT = "org/neurograph/training/CHECKPOINT";
	public static final String STATE = "org/neurograph/training/STATE";

	/** The run id ({@code String}). */
	public static final String RUN_ID = "runId";
	/** The project folder's absolute path ({@code String}). */
	public static final String PROJECT = "project";
	/** The step ({@code Long}). */
	public static final String STEP = "step";
	/** The metric's name ({@code String}). */
	public static final String NAME = "name";
	/** The metric's value ({@code Double}). */
	public static final String VALUE = "value";
	/** When the metric was measured, in milliseconds since 1970 ({@code Long}). */
	public static final String TIME = "time";
	/** The sample files' absolute paths ({@code String[]}). */
	public static final String FILES = "files";
	/** The {@link RunState} name ({@code String}). */
	public static final String STATE_NAME = "state";
	/** The run's message ({@code String}, may be empty). */
	public static final String MESSAGE = "message";
	/** The steps the run asks for, or -1 ({@code Long}). */
	public static final String TOTAL_STEPS = "totalSteps";

	private TrainingEvents() {
	}
}
