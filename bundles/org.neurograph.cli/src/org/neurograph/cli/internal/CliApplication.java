package org.neurograph.cli.internal;

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
		Cli cli = new Cli(FrameworkUtil.getBundle(CliApplication.class).getBundleContext(), System.out, System.err);
		cli.cancelOnShutdown();
		return cli.run(args);
	}

	@Override
	public void stop() {
		// a command runs to its end or is cancelled through Ctrl-C
	}
}
