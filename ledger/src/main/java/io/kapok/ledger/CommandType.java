package io.kapok.ledger;

/** The kinds of ledger command. The codes are stable: the journal stores them. */
public enum CommandType {
    REGISTER_PARTY(1),
    OPEN_ACCOUNT(2),
    TRANSFER(10);

    private final int code;

    CommandType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with this journal code; throws for a code no version of Kapok wrote. */
    public static CommandType ofCode(int code) {
        for (CommandType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown command type code " + code);
    }
}
