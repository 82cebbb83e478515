package org.neurograph.cli.internal;

import java.io.PrintStream;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The headless application {@code org.neurograph.cli.app}: runs one command and returns its exit code (0 ok,
 * 1 failure, 2 usage). Started through the same product as the workbench: {@code neurograph cli <command> ...}.
 */
public class CliApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
		context.applicationRunning();
		// Standard output carries the command's results (e.g. the paths of the works written), which scripts read.
		// Libraries that print to System.out (DL4J's SameDiff prints a line per differentiated op) would mix their
		// lines in: keep the real stdout for the command and send everything else printed there to stderr.
		PrintStream results = System.out;
		System.setOut(System.err);
		try {
			Cli cli = new Cli(FrameworkUtil.getBundle(CliApplication.class).getBundleContext(), results, System.err);
			cli.cancelOnShutdown();
			return cli.run(args);
		} finally {
			results.flush();
			System.setOut(results);
		}
	}

	@Override
	public void stop() {
		// a command runs to its end or is cancelled through Ctrl-C
	}
}
