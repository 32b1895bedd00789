package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bank's gateway must not phone home: Chronicle's usage analytics must be absent and disabled. */
class ChronicleAnalyticsAbsentTest {
    @Test
    void chronicleAnalyticsClassesAreNotOnTheRuntimeClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("net.openhft.chronicle.analytics.Analytics"));
        assertThrows(
                ClassNotFoundException.class,
                () -> Class.forName("net.openhft.chronicle.analytics.internal.VanillaAnalyticsBuilder"));
        List<String> analyticsJars = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> new File(entry).getName().startsWith("chronicle-analytics"))
                .toList();
        assertEquals(List.of(), analyticsJars);
    }

    @Test
    void analyticsAreSwitchedOffByTheSharedJvmFlags() {
        assertEquals(
                "true",
                System.getProperty("chronicle.analytics.disable"),
                "tests must run with the flags of config/jvm.properties");
        assertTrue(JvmFlags.fromConfig().contains("-Dchronicle.analytics.disable=true"));
    }
}
