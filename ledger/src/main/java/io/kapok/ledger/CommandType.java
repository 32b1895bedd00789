package io.kapok.ledger;

/**
 * The kinds of ledger command. The codes are stable: the journal and snapshots store them.
 *
 * <pre>
 *  code  command                 from
 *   1    REGISTER_PARTY          genesis (configured world), tsin.009
 *   2    OPEN_ACCOUNT            genesis
 *   3    CONFIGURE_LEDGER        genesis, entry 1 only: the payment window's retention and capacity
 *  10    TRANSFER                pacs.008
 *  11    RETURN_PAYMENT          pacs.004 (full or partial return of a settled transfer)
 *  12    RECALL_PAYMENT          camt.056 (recall request by the original's debtor)
 *  13    RESOLVE_RECALL          camt.029 (the original's creditor accepts, CNCL, or rejects, RJCR)
 *  20    SET_CREDIT_LINE         configuration, tsin.010 (buyer limit)
 *  21    CREATE_PROGRAMME        configuration
 *  22    ONBOARD_PARTY           tsin.009 → tsin.010/011/012
 *  23    SET_FX_RATE             FIX market-data snapshot
 *  24    ACKNOWLEDGE_ONBOARDING  tsin.012: the onboarded party acknowledges (or rejects) its registration
 *  30    REGISTER_RECEIVABLE     tsin.004, items of tsin.006
 *  31    CONFIRM_RECEIVABLE      tsin.013
 *  32    SPLIT_RECEIVABLE        split and transfer to a lower-tier supplier
 *  33    CANCEL_RECEIVABLE       withdrawal by the holder
 *  34    REQUEST_FINANCING       tsin.001
 *  35    DECIDE_FINANCING        the bank's tsin.002 (FNCD or rejection)
 *  36    DISBURSE_FINANCING      the bank's disbursing pacs.008
 *  37    CANCEL_FINANCING        tsin.003
 *  38    SETTLE_RECEIVABLE       the debtor bank's pacs.008 at maturity
 *  39    ASSIGN_RECEIVABLE       tsin.006 to a bank (factoring): the claim, or a part split off, moves
 *                                to the bank of a programme of the debtor
 *  40    RECORD_MESSAGE          after a tsin message's commands: its (sender, MsgId), fingerprint
 *                                and each command's outcome, so a retry gets the original answer
 *  60    CLOSE_DAY               the gateway's clock: the first entry of a later UTC day is coming
 *                                (end-of-day statements)
 * </pre>
 */
public enum CommandType {
    REGISTER_PARTY(1),
    OPEN_ACCOUNT(2),
    CONFIGURE_LEDGER(3),
    TRANSFER(10),
    RETURN_PAYMENT(11),
    RECALL_PAYMENT(12),
    RESOLVE_RECALL(13),
    SET_CREDIT_LINE(20),
    CREATE_PROGRAMME(21),
    ONBOARD_PARTY(22),
    SET_FX_RATE(23),
    ACKNOWLEDGE_ONBOARDING(24),
    REGISTER_RECEIVABLE(30),
    CONFIRM_RECEIVABLE(31),
    SPLIT_RECEIVABLE(32),
    CANCEL_RECEIVABLE(33),
    REQUEST_FINANCING(34),
    DECIDE_FINANCING(35),
    DISBURSE_FINANCING(36),
    CANCEL_FINANCING(37),
    SETTLE_RECEIVABLE(38),
    ASSIGN_RECEIVABLE(39),
    RECORD_MESSAGE(40),
    CLOSE_DAY(60);

    private final int code;

    CommandType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with this journal code; throws for a code no version of Kapok wrote. */
    public static CommandType ofCode(int code) {
        CommandType t = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (t == null) {
            throw new IllegalArgumentException("unknown command type code " + code);
        }
        return t;
    }

    /**
     * Each type at its code: a journal read looks one up per entry, and {@code values()} would copy
     * the whole array each time.
     */
    private static final CommandType[] BY_CODE = byCode();

    private static CommandType[] byCode() {
        int max = 0;
        for (CommandType t : values()) {
            max = Math.max(max, t.code);
        }
        CommandType[] byCode = new CommandType[max + 1];
        for (CommandType t : values()) {
            byCode[t.code] = t;
        }
        return byCode;
    }
}
