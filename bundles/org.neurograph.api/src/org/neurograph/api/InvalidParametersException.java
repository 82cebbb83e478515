package org.neurograph.api;

/** Parameter values that do not pass {@link ParameterSpec#validate(java.util.Map)}; the message lists each one. */
public class InvalidParametersException extends GenerationException {
	private static final long serialVersionUID = 1L;

	private final transient Validation validation;

	public InvalidParametersException(Validation validation) {
		super("Invalid parameters:\n" + validation.summary());
		this.validation = validation;
	}

	/** The messages per parameter. */
	public Validation validation() {
		return validation;
	}
}
