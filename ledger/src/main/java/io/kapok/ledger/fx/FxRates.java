package io.kapok.ledger.fx;

import io.kapok.ledger.LedgerEventType;
import io.kapok.ledger.LedgerRejection;
import io.kapok.ledger.LedgerResult;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** The latest rate per currency pair, with where it came from. Owned by the ledger thread. */
public final class FxRates {
    /** Rates are scaled by 10^8. */
    public static final long RATE_SCALE = 100_000_000L;

    /**
     * One rate.
     *
     * @param rateScaled     quote units per base unit × {@link #RATE_SCALE}
     * @param sourceSequence the feed's sequence number of the quote
     * @param ledgerSequence the journal sequence of the command that set it
     */
    public record Rate(long rateScaled, long sourceSequence, long ledgerSequence) {}

    /** By {@code (base << 32) | quote}, so iteration order is deterministic. */
    private final TreeMap<Long, Rate> rates = new TreeMap<>();

    /** Applies a rate update; returns the refusal, or null when applied. */
    public LedgerRejection set(SetFxRateCommand c, LedgerResult result) {
        if (c.rateScaled <= 0 || c.baseCurrency == c.quoteCurrency) {
            return LedgerRejection.INVALID_FX_RATE;
        }
        rates.put(pair(c.baseCurrency, c.quoteCurrency), new Rate(c.rateScaled, c.sourceSequence, c.sequence));
        result.event(LedgerEventType.FX_RATE_SET, null, null, c.quoteCurrency, c.rateScaled, c.baseCurrency);
        return null;
    }

    /** The latest rate for the pair, or null if none was ever set. */
    public Rate rate(int baseCurrency, int quoteCurrency) {
        return rates.get(pair(baseCurrency, quoteCurrency));
    }

    /**
     * The latest rate quoted for the pair in either direction ({@code a}/{@code b} or {@code b}/{@code
     * a}): of the two, the one set by the later journal entry; null when neither was ever set. Tell
     * the direction with {@code latest == rate(a, b)}.
     */
    public Rate latest(int a, int b) {
        Rate direct = rate(a, b);
        Rate inverse = rate(b, a);
        if (direct == null || inverse == null) {
            return direct != null ? direct : inverse;
        }
        return direct.ledgerSequence() >= inverse.ledgerSequence() ? direct : inverse;
    }

    /** Number of pairs quoted (each direction counts once). */
    public int size() {
        return rates.size();
    }

    public void write(DataOutput out) throws IOException {
        out.writeInt(rates.size());
        for (Map.Entry<Long, Rate> e : rates.entrySet()) {
            out.writeLong(e.getKey());
            out.writeLong(e.getValue().rateScaled());
            out.writeLong(e.getValue().sourceSequence());
            out.writeLong(e.getValue().ledgerSequence());
        }
    }

    public void read(DataInput in) throws IOException {
        rates.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            rates.put(in.readLong(), new Rate(in.readLong(), in.readLong(), in.readLong()));
        }
    }

    private static long pair(int base, int quote) {
        return ((long) base << 32) | (quote & 0xFFFFFFFFL);
    }
}
