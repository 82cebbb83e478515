package org.neurograph.runtime.dl4j.tests;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/** Stands for a deserialization gadget: reading it runs code (here it only raises a flag). */
public class EvilPayload implements Serializable {

	private static final long serialVersionUID = 1L;

	/** Set when an instance has been deserialized. */
	static volatile boolean deserialized;

	private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
		in.defaultReadObject();
		deserialized = true;
	}
}
