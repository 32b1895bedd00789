package io.kapok.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structure-aware mutations of a valid ISO 20022 message for the fuzz tests: elements dropped,
 * duplicated, moved, renamed or put into another namespace; text replaced by hostile values;
 * DTDs, entities, comments, CDATA, deep nesting and many attributes inserted; then truncation,
 * byte flips, other encodings and a BOM. Deterministic for a given {@link Random}.
 */
public final class XmlMutator {
    private static final Pattern TOKEN = Pattern.compile("<[^>]*>|[^<]+");
    private static final String[] HOSTILE_TEXT = {
        "2027-13-01",
        "1000000000000000000",
        "0",
        "",
        " ",
        "&amp;",
        "&lt;/Document&gt;",
        "]]>",
        "\u0000",
        "\uFFFF",
        "\uD800",
        "🙂🙂",
        "中文名称",
        "-1.00",
        "1e3",
        "NaN",
        "0.000001",
        "99999999999999999999999",
        "CNH",
        "cny",
        "PRBKCNGZXX",
        "8A562C67-CA16-48BA-B074-65581BE6F001",
        "2026-02-30",
        "2026-11-23T25:61:61+08:00",
        "x".repeat(40),
        "x".repeat(5_000),
        "/leading",
        "a//b",
        "SHAR ",
        "&#x41;&#66;",
        "&unknown;",
    };

    private final String otherVersionNamespace;

    /** @param otherVersionNamespace another version's namespace some elements are moved into */
    public XmlMutator(String otherVersionNamespace) {
        this.otherVersionNamespace = otherVersionNamespace;
    }

    /** What a fuzz run feeds: decodes the bytes, true when accepted. */
    @FunctionalInterface
    public interface Target {
        boolean decode(byte[] bytes);
    }

    /**
     * Feeds {@code mutants} mutants of {@code sample} to {@code target}, with a seed from
     * {@code -Dkapok.fuzz.seed} or the clock, printed under {@code name}. Every input must get a
     * verdict: an exception fails the run with the seed and the input; a reject must carry a code
     * and a sentence ({@code verdict}); an accepted input goes to {@code whenAccepted} with a text
     * naming it.
     *
     * @return how many mutants each reject code refused
     */
    public Map<RejectCode, Integer> run(
            String name,
            String sample,
            int mutants,
            Target target,
            DecodeVerdict verdict,
            Consumer<String> whenAccepted) {
        long seed = Long.getLong("kapok.fuzz.seed", System.nanoTime());
        System.out.println(name + " seed " + seed + " (rerun with -Dkapok.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        List<String> tokens = tokens(sample);
        Map<RejectCode, Integer> verdicts = new EnumMap<>(RejectCode.class);
        int accepted = 0;
        for (int i = 0; i < mutants; i++) {
            byte[] bytes = mutant(tokens, random);
            String where = "seed " + seed + " mutant " + i;
            boolean ok;
            try {
                ok = target.decode(bytes);
            } catch (RuntimeException | StackOverflowError e) {
                fail(where + " threw " + e + " for:\n" + new String(bytes, StandardCharsets.UTF_8), e);
                return verdicts;
            }
            if (ok) {
                accepted++;
                whenAccepted.accept(where + " accepted:\n" + new String(bytes, StandardCharsets.UTF_8));
            } else {
                assertNotNull(verdict.rejectCode(), where + ": a reject without a code");
                assertFalse(verdict.detail().isBlank(), where + ": a reject without a detail");
                verdicts.merge(verdict.rejectCode(), 1, Integer::sum);
            }
        }
        System.out.println(name + ": " + mutants + " mutants, " + accepted + " accepted, rejects " + verdicts);
        assertEquals(
                mutants,
                accepted
                        + verdicts.values().stream().mapToInt(Integer::intValue).sum());
        return verdicts;
    }

    /** One mutant of {@code xml}: one to three structural mutations, then maybe a byte-level one. */
    public byte[] mutant(List<String> tokens, Random random) {
        int mutations = 1 + random.nextInt(3);
        List<String> mutant = new ArrayList<>(tokens);
        for (int m = 0; m < mutations; m++) {
            mutateTokens(mutant, random);
        }
        return mutateBytes(String.join("", mutant), random);
    }

    /** The message cut into tags and text runs. */
    public static List<String> tokens(String xml) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(xml);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static boolean isStart(String t) {
        return t.startsWith("<")
                && !t.startsWith("</")
                && !t.startsWith("<?")
                && !t.startsWith("<!")
                && !t.endsWith("/>");
    }

    private static String name(String tag) {
        int start = tag.startsWith("</") ? 2 : 1;
        int end = start;
        while (end < tag.length() && " \t\r\n/>".indexOf(tag.charAt(end)) < 0) {
            end++;
        }
        return tag.substring(start, end);
    }

    /** Index one past the end tag matching the start tag at {@code from}, or -1. */
    private static int elementEnd(List<String> tokens, int from) {
        String name = name(tokens.get(from));
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (isStart(t) && name(t).equals(name)) {
                depth++;
            } else if (t.startsWith("</") && name(t).equals(name) && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int randomStart(List<String> tokens, Random random) {
        for (int tries = 0; tries < 50; tries++) {
            int i = random.nextInt(tokens.size());
            if (isStart(tokens.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private void mutateTokens(List<String> t, Random random) {
        int start = randomStart(t, random);
        int end = start < 0 ? -1 : elementEnd(t, start);
        switch (random.nextInt(12)) {
            case 0 -> { // drop an element
                if (end > start) {
                    t.subList(start, end).clear();
                }
            }
            case 1 -> { // duplicate an element
                if (end > start) {
                    t.addAll(end, new ArrayList<>(t.subList(start, end)));
                }
            }
            case 2 -> { // move an element somewhere else
                if (end > start) {
                    List<String> moved = new ArrayList<>(t.subList(start, end));
                    t.subList(start, end).clear();
                    t.addAll(random.nextInt(t.size() + 1), moved);
                }
            }
            case 3 -> { // replace a text node with a hostile value
                for (int tries = 0; tries < 50; tries++) {
                    int i = random.nextInt(t.size());
                    if (!t.get(i).startsWith("<") && !t.get(i).isBlank()) {
                        t.set(i, escapeMaybe(HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)], random));
                        break;
                    }
                }
            }
            case 4 -> { // rename an element (both tags)
                if (end > start) {
                    String old = name(t.get(start));
                    String renamed = random.nextBoolean() ? old + "X" : old.toLowerCase();
                    t.set(start, t.get(start).replaceFirst(Pattern.quote(old), renamed));
                    t.set(end - 1, "</" + renamed + ">");
                }
            }
            case 5 -> { // move an element into another namespace
                if (start >= 0) {
                    String tag = t.get(start);
                    String ns = random.nextBoolean() ? "urn:example:other" : otherVersionNamespace;
                    t.set(start, tag.substring(0, tag.length() - 1) + " xmlns=\"" + ns + "\">");
                }
            }
            case 6 -> // insert markup that must be refused or ignored
                t.add(
                        random.nextInt(t.size() + 1),
                        new String[] {
                                    "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
                                    "<!-- comment -->",
                                    "<?pi data?>",
                                    "<![CDATA[<Cd>AM04</Cd>]]>",
                                    "&e;",
                                    "<Ustrd>extra</Ustrd>",
                                    "<a b=\"1\" b=\"2\"/>",
                                }
                                [random.nextInt(7)]);
            case 7 -> { // deep nesting
                int depth = 10 + random.nextInt(60);
                int at = random.nextInt(t.size() + 1);
                List<String> nest = new ArrayList<>();
                for (int d = 0; d < depth; d++) {
                    nest.add("<n>");
                }
                for (int d = 0; d < depth; d++) {
                    nest.add("</n>");
                }
                t.addAll(at, nest);
            }
            case 8 -> { // many attributes on one element
                if (start >= 0) {
                    StringBuilder attrs = new StringBuilder();
                    for (int a = 0; a < 5 + random.nextInt(40); a++) {
                        attrs.append(" a")
                                .append(a)
                                .append("=\"")
                                .append("v".repeat(random.nextInt(50)))
                                .append('"');
                    }
                    String tag = t.get(start);
                    t.set(start, tag.substring(0, tag.length() - 1) + attrs + ">");
                }
            }
            case 9 -> { // drop a single tag, leaving the document unbalanced
                if (start >= 0) {
                    t.remove(random.nextBoolean() || end < 0 ? start : end - 1);
                }
            }
            case 10 -> { // change the currency attribute
                for (int i = 0; i < t.size(); i++) {
                    if (t.get(i).contains("Ccy=")) {
                        t.set(
                                i,
                                t.get(i)
                                        .replaceAll(
                                                "Ccy=\"[^\"]*\"",
                                                "Ccy=\""
                                                        + new String[] {"USD", "JPY", "BHD", "CNH", "", "C&amp;Y", "cny"
                                                                }
                                                                [random.nextInt(7)]
                                                        + "\""));
                    }
                }
            }
            default -> { // swap two adjacent tokens
                if (t.size() > 2) {
                    int i = random.nextInt(t.size() - 1);
                    String a = t.get(i);
                    t.set(i, t.get(i + 1));
                    t.set(i + 1, a);
                }
            }
        }
    }

    private static String escapeMaybe(String text, Random random) {
        return random.nextBoolean() ? text.replace("&", "&amp;").replace("<", "&lt;") : text;
    }

    private static byte[] mutateBytes(String xml, Random random) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        switch (random.nextInt(10)) {
            case 0 -> { // truncate
                return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            }
            case 1 -> { // flip a few bytes
                for (int i = 0; i < 1 + random.nextInt(4) && bytes.length > 0; i++) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return bytes;
            }
            case 2 -> { // another encoding, sometimes declared wrongly
                return xml.getBytes(random.nextBoolean() ? StandardCharsets.UTF_16 : StandardCharsets.ISO_8859_1);
            }
            case 3 -> { // a BOM in front
                byte[] withBom = new byte[bytes.length + 3];
                withBom[0] = (byte) 0xEF;
                withBom[1] = (byte) 0xBB;
                withBom[2] = (byte) 0xBF;
                System.arraycopy(bytes, 0, withBom, 3, bytes.length);
                return withBom;
            }
            default -> {
                return bytes;
            }
        }
    }
}
