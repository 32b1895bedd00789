package io.kapok.gateway.http;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty's buffer leak detection in the shipped processes ({@code ./kapok run}, {@code demo},
 * {@code load}): off unless asked for. At Netty's default level it records a stack trace for one
 * buffer allocation in 128 and tracks that buffer with a phantom reference; on the event loop at
 * 3,000 payments/s that stack trace alone was 0.4% of the gateway's CPU samples ({@code perf}), for
 * a check whose findings only reach a log. Tests keep Netty's default. {@code
 * -Dio.netty.leakDetection.level=simple|advanced|paranoid} turns it on in any process.
 */
public final class NettyLeakDetection {
    /** The system property Netty reads its level from. */
    public static final String LEVEL_PROPERTY = "io.netty.leakDetection.level";

    private NettyLeakDetection() {}

    /** Turns leak detection off, unless {@value #LEVEL_PROPERTY} names a level. */
    public static void offUnlessAsked() {
        if (System.getProperty(LEVEL_PROPERTY) == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }
}
