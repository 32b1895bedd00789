package io.kapok.gateway.flow;

import io.kapok.codecs.iso.IsoIdentifiers;
import io.kapok.codecs.iso.PartyIdentity;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** How Kapok writes a party it knows only by its ledger id, and reads an ISO date-time it was sent. */
final class FlowParties {
    private FlowParties() {}

    /** {@code out} set to {@code partyId}: a BIC, a LEI, or else a unified social credit code. */
    static PartyIdentity identity(PartyIdentity out, String partyId) {
        out.clear();
        if (IsoIdentifiers.isBic(partyId)) {
            return out.bic(partyId);
        }
        if (IsoIdentifiers.isLei(partyId)) {
            return out.lei(partyId);
        }
        return out.uscc(partyId);
    }

    /** Appends the decimal digits of {@code value} (not negative) to {@code out}, using {@code digits} (20 chars) as scratch. */
    static void appendNumber(io.kapok.codecs.xml.TextBuffer out, long value, char[] digits) {
        int at = digits.length;
        do {
            digits[--at] = (char) ('0' + (value % 10));
            value /= 10;
        } while (value > 0);
        out.append(digits, at, digits.length - at);
    }

    /**
     * Epoch ms of an ISODateTime the decoder checked (with an offset or Z, or local, read as UTC);
     * {@code fallbackMs} when it is absent.
     */
    static long epochMs(CharSequence isoDateTime, long fallbackMs) {
        String s = isoDateTime.toString().trim();
        if (s.isEmpty()) {
            return fallbackMs;
        }
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e2) {
                return fallbackMs;
            }
        }
    }
}
