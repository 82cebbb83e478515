package org.neurograph.runtime.dl4j;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How ND4J was started in this process.
 *
 * @param backend          the ND4J backend class, e.g. {@code org.nd4j.linalg.cpu.nativecpu.CpuBackend}
 * @param threads          OpenMP and BLAS threads ND4J uses
 * @param cacheDir         where JavaCPP unpacked the native libraries
 * @param maxBytes         JavaCPP's cap on off-heap memory it allocates, in bytes (0: none)
 * @param maxPhysicalBytes JavaCPP's cap on the process's resident memory, in bytes (0: none)
 * @param startTime        how long the first start took (unpacking, loading and initialising the natives)
 */
public record RuntimeInfo(String backend, int threads, Path cacheDir, long maxBytes, long maxPhysicalBytes,
		Duration startTime) {
}
