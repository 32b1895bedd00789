package io.kapok.bench.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code --mix} asked for: message types with relative weights ({@code pacs008=70,tsin001=20,
 * tsin013=10}; they need not sum to 100), and the fixed order in which a run interleaves them.
 *
 * <p>The order repeats with a period of the weights' sum divided by their greatest common divisor
 * (10 for 70/20/10), spread as evenly as smooth weighted round-robin spreads it (for 70/20/10:
 * pacs008 pacs008 tsin001 pacs008 pacs008 tsin013 pacs008 pacs008 tsin001 pacs008), so request {@code i}'s type and its rank among the requests
 * of its type ({@link #ordinalAt}) follow from {@code i} alone: every connection knows which
 * invoice its tsin.001 finances without sharing a counter, and a run's pools of invoices are sized
 * exactly ({@link #countBelow}). Immutable and thread-safe.
 */
public final class MessageMix {
    /** Highest weight of one type. */
    public static final int WEIGHT_MAX = 10_000;

    private static final String EXAMPLE = "pacs008=70,tsin001=20,tsin013=10";

    private final Map<MixType, Integer> weights;
    private final int period;
    /** Type ordinal at each position of a period. */
    private final byte[] typeAt;
    /** At each position of a period: how many of its type come before it in the period. */
    private final int[] rankInPeriod;
    /** Requests of each type (by ordinal) in one period. */
    private final int[] perPeriod = new int[MixType.values().length];

    private MessageMix(Map<MixType, Integer> weights) {
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        int gcd = 0;
        for (int w : weights.values()) {
            gcd = gcd(gcd, w);
        }
        int[] reduced = new int[perPeriod.length];
        int sum = 0;
        for (Map.Entry<MixType, Integer> e : weights.entrySet()) {
            reduced[e.getKey().ordinal()] = e.getValue() / gcd;
            sum += e.getValue() / gcd;
        }
        period = sum;
        typeAt = new byte[period];
        rankInPeriod = new int[period];
        // Smooth weighted round-robin: each type earns its weight per step; the richest is chosen
        // and pays the total. Over one period each type is chosen exactly its weight's times.
        int[] credit = new int[reduced.length];
        for (int pos = 0; pos < period; pos++) {
            int chosen = -1;
            for (int t = 0; t < reduced.length; t++) {
                if (reduced[t] == 0) {
                    continue;
                }
                credit[t] += reduced[t];
                if (chosen < 0 || credit[t] > credit[chosen]) {
                    chosen = t;
                }
            }
            credit[chosen] -= period;
            typeAt[pos] = (byte) chosen;
            rankInPeriod[pos] = perPeriod[chosen]++;
        }
    }

    /** The mix of one type only. */
    public static MessageMix only(MixType type) {
        return new MessageMix(Map.of(type, 100));
    }

    /**
     * Parses {@code TYPE=WEIGHT[,TYPE=WEIGHT…]} (a type without {@code =WEIGHT} weighs 100); every
     * mistake is a {@link LoadOptions.UsageException} whose one line says what to give instead.
     */
    public static MessageMix parse(String value) throws LoadOptions.UsageException {
        Map<MixType, Integer> weights = new LinkedHashMap<>();
        for (String part : value.split(",", -1)) {
            String p = part.trim();
            int eq = p.indexOf('=');
            String name = (eq < 0 ? p : p.substring(0, eq)).trim();
            if (name.isEmpty()) {
                throw new LoadOptions.UsageException(
                        "--mix " + value + " has an empty entry: give TYPE=WEIGHT pairs, e.g. --mix " + EXAMPLE);
            }
            MixType type = MixType.ofOption(name);
            if (type == null) {
                throw new LoadOptions.UsageException(
                        "--mix: " + name + " is not a message type the generator sends; use " + MixType.options()
                                + ", e.g. --mix " + EXAMPLE);
            }
            String w = eq < 0 ? "100" : p.substring(eq + 1).trim();
            int weight;
            try {
                weight = Integer.parseInt(w);
            } catch (NumberFormatException e) {
                weight = -1;
            }
            if (weight < 1 || weight > WEIGHT_MAX) {
                throw new LoadOptions.UsageException("--mix " + value + ": the weight of " + type.option
                        + " must be a whole number in 1.." + WEIGHT_MAX + ", was '" + w + "'");
            }
            if (weights.put(type, weight) != null) {
                throw new LoadOptions.UsageException("--mix " + value + " names " + type.option + " twice");
            }
        }
        return new MessageMix(weights);
    }

    /** The weights as given, in the order given. */
    public Map<MixType, Integer> weights() {
        return weights;
    }

    /** Whether the mix sends {@code type} at all. */
    public boolean has(MixType type) {
        return perPeriod[type.ordinal()] > 0;
    }

    /** Length of the repeating order, requests. */
    public int period() {
        return period;
    }

    /** The type of request {@code index} (≥ 0). */
    public MixType typeAt(long index) {
        return MixType.of(typeAt[(int) (index % period)]);
    }

    /** How many requests of request {@code index}'s type come before it: 0 for the first of its type. */
    public long ordinalAt(long index) {
        int pos = (int) (index % period);
        return (index / period) * perPeriod[typeAt[pos]] + rankInPeriod[pos];
    }

    /** How many of the requests {@code 0 .. n-1} are of {@code type}. */
    public long countBelow(MixType type, long n) {
        int t = type.ordinal();
        long count = (n / period) * perPeriod[t];
        int rest = (int) (n % period);
        for (int pos = 0; pos < rest; pos++) {
            if (typeAt[pos] == t) {
                count++;
            }
        }
        return count;
    }

    /** {@code pacs008=70,tsin001=20,tsin013=10}: the form {@code --mix} takes. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        weights.forEach((t, w) -> s.append(s.length() == 0 ? "" : ",")
                .append(t.option)
                .append('=')
                .append(w));
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageMix m && m.weights.equals(weights);
    }

    @Override
    public int hashCode() {
        return weights.hashCode();
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
