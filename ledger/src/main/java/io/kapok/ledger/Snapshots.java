package io.kapok.ledger;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Helpers shared by the parts of the ledger that write themselves into a snapshot. */
public final class Snapshots {
    private Snapshots() {}

    /** Writes a string that may be null: a presence byte, then modified UTF-8 (at most 65,535 bytes). */
    public static void writeString(DataOutput out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    /** Reads what {@link #writeString} wrote. */
    public static String readString(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
