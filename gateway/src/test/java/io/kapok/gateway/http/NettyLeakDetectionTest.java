package io.kapok.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The shipped processes run without Netty's leak detection unless the property asks for it. */
class NettyLeakDetectionTest {
    @Test
    void offUnlessThePropertyNamesALevel() {
        Assumptions.assumeTrue(
                System.getProperty(NettyLeakDetection.LEVEL_PROPERTY) == null, "this JVM was started with a level");
        ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();
        try {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
            NettyLeakDetection.offUnlessAsked();
            assertEquals(ResourceLeakDetector.Level.DISABLED, ResourceLeakDetector.getLevel());

            System.setProperty(NettyLeakDetection.LEVEL_PROPERTY, "paranoid");
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
            NettyLeakDetection.offUnlessAsked();
            assertEquals(ResourceLeakDetector.Level.PARANOID, ResourceLeakDetector.getLevel(), "asked for: kept");
        } finally {
            System.clearProperty(NettyLeakDetection.LEVEL_PROPERTY);
            ResourceLeakDetector.setLevel(before);
        }
    }
}
