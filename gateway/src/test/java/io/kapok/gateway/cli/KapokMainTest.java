package io.kapok.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Misuse of the command line gets one line that says what to do, never a stack trace. */
@Timeout(30)
class KapokMainTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int kapok(String... args) {
        return new KapokMain(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args);
    }

    private String errLine() {
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), "one line, not a stack trace: " + text);
        return text;
    }

    @Test
    void helpListsEveryCommand() {
        assertEquals(0, kapok("help"));
        String text = out.toString(StandardCharsets.UTF_8);
        for (String command : new String[] {"run", "send", "journal", "demo", "test", "bench", "load", "help"}) {
            assertTrue(text.contains("  " + command), command + " missing from:\n" + text);
        }
    }

    @Test
    void everyCommandTakesHelp() {
        assertEquals(0, kapok("run", "--help"));
        assertEquals(0, kapok("send", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage: ./kapok send"));
    }

    @Test
    void demoTakesHelpAndSaysWhatIsWrongWithAFlag() {
        assertEquals(0, kapok("demo", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage: ./kapok demo [--data DIR]"));
        assertEquals(2, kapok("demo", "--fast"));
        assertTrue(errLine().contains("unknown option '--fast' for demo"));
    }

    @Test
    void fxSimulatorTakesHelpAndSaysWhatIsWrongWithAFlag() {
        assertEquals(0, kapok("help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("  fx-sim "));
        assertEquals(0, kapok("fx-sim", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage: ./kapok fx-sim [--config FILE] [--port N]"));
        assertEquals(2, kapok("fx-sim", "--interval", "5"));
        assertTrue(errLine().contains("unknown option '--interval' for fx-sim"));
        err.reset();
        assertEquals(2, kapok("fx-sim", "--port", "eighty"));
        assertTrue(errLine().contains("--port needs a number from 0 to 65535, got 'eighty'"));
    }

    @Test
    void unknownCommandIsOneLineWithTheWayOut() {
        assertEquals(2, kapok("launch"));
        assertTrue(errLine().contains("unknown command 'launch'; see ./kapok help"));
    }

    @Test
    void badFlagAndBadPortAreOneLine() {
        assertEquals(2, kapok("run", "--prot", "8080"));
        assertTrue(errLine().contains("unknown option '--prot'"));
        err.reset();
        assertEquals(2, kapok("run", "--port", "eighty"));
        assertTrue(errLine().contains("--port needs a number from 0 to 65535, got 'eighty'"));
        err.reset();
        assertEquals(2, kapok("run", "--port"));
        assertTrue(errLine().contains("--port needs a port number"));
    }

    @Test
    void missingFilesAreNamed() {
        assertEquals(2, kapok("send", temp.resolve("nope.xml").toString()));
        assertTrue(errLine().contains("no such file"));
        err.reset();
        assertEquals(2, kapok("run", "--config", temp.resolve("nope.yaml").toString()));
        assertTrue(errLine().contains("does not exist"));
    }

    @Test
    void sendToNoGatewaySaysHowToStartOne() throws Exception {
        Path message = Files.writeString(temp.resolve("m.xml"), "<x/>");
        int freePort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = s.getLocalPort();
        }
        assertEquals(1, kapok("send", message.toString(), "--url", "http://127.0.0.1:" + freePort + "/v1/messages"));
        assertTrue(errLine().contains("is the gateway running? Start it with ./kapok run"));
    }

    @Test
    void portInUseSaysSoInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(1, kapok("run", "--port", String.valueOf(taken.getLocalPort()), "--data", temp.toString()));
            String line = errLine();
            assertTrue(line.contains("the port is in use"), line);
            assertTrue(line.contains("--port N"), line);
        }
    }

    @Test
    void journalCommandsTakeHelp() {
        for (String sub : new String[] {"verify", "tail", "dump"}) {
            out.reset();
            assertEquals(0, kapok("journal", sub, "--help"));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage: ./kapok journal " + sub), sub);
        }
        out.reset();
        assertEquals(0, kapok("journal", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("verify --data DIR"));
    }

    @Test
    void journalMisuseIsOneLineAndExitTwo() throws Exception {
        assertEquals(2, kapok("journal", "check", "--data", temp.toString()));
        assertTrue(errLine().contains("unknown journal command 'check'"));
        err.reset();
        assertEquals(2, kapok("journal", "verify"));
        assertTrue(errLine().contains("journal verify needs --data DIR"));
        err.reset();
        assertEquals(2, kapok("journal", "verify", "--data", temp.toString(), "--count", "3"));
        assertTrue(errLine().contains("--count belongs to journal tail"));
        err.reset();
        assertEquals(2, kapok("journal", "tail", "--data", temp.toString(), "--count", "zero"));
        assertTrue(errLine().contains("--count needs a whole number of at least 1, got 'zero'"));
        err.reset();
        assertEquals(2, kapok("journal", "dump", "--data", temp.toString(), "--verbose"));
        assertTrue(errLine().contains("unknown option '--verbose' for journal dump"));
        err.reset();
        assertEquals(
                2, kapok("journal", "verify", "--data", temp.resolve("nowhere").toString()));
        assertTrue(errLine().contains("no journal in"));
        assertTrue(Files.notExists(temp.resolve("nowhere")), "a missing directory is not created");
    }
}
