package io.kapok.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** The JVM flags of config/jvm.properties, for tests that start a child JVM as the launcher would. */
final class JvmFlags {
    private JvmFlags() {}

    static List<String> fromConfig() {
        Path file = Path.of(System.getProperty("kapok.root", ".."), "config", "jvm.properties");
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
        List<String> flags = new ArrayList<>(
                Arrays.asList(properties.getProperty("kapok.jvm.flags").trim().split("\\s+")));
        if (Runtime.version().feature() >= 23) {
            flags.addAll(Arrays.asList(
                    properties.getProperty("kapok.jvm.flags.jdk23").trim().split("\\s+")));
        }
        return flags;
    }

    /** The command line of a child JVM running {@code KapokMain} with {@code args}. */
    static List<String> kapokCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(fromConfig());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.kapok.gateway.cli.KapokMain");
        command.addAll(Arrays.asList(args));
        return command;
    }
}
