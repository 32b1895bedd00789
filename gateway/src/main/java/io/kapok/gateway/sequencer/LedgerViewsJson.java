package io.kapok.gateway.sequencer;

import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.ledger.receivable.ExposureView;
import io.kapok.ledger.receivable.ReceivableView;
import java.util.List;

/**
 * The ops API's JSON of the ledger's read-only views: a receivable ({@code GET
 * /v1/ledger/receivables/{id}}) and a bank's exposure ({@code GET /v1/ledger/exposure/{bankId}}).
 * Amounts appear twice: in minor units ({@code ...Minor}) and as a decimal string in the
 * currency's units. Off the hot path; allocates.
 */
final class LedgerViewsJson {
    private LedgerViewsJson() {}

    static String receivable(ReceivableView r, long sequence) {
        StringBuilder json = new StringBuilder(512);
        json.append("{\"receivableId\": ");
        string(json, r.id());
        json.append(", \"sequence\": ").append(sequence);
        json.append(", \"state\": \"").append(r.state().name()).append('"');
        json.append(", \"holderId\": ");
        string(json, r.holderId());
        json.append(", \"debtorId\": ");
        string(json, r.debtorId());
        json.append(", \"creditorId\": ");
        string(json, r.creditorId());
        json.append(", \"documentNumber\": ");
        string(json, r.documentNumber());
        json.append(", \"currency\": \"").append(r.currency()).append('"');
        int minorUnits = Iso4217.minorUnits(Iso4217.pack(r.currency()));
        amount(json, "face", r.faceMinor(), minorUnits);
        amount(json, "outstanding", r.outstandingMinor(), minorUnits);
        amount(json, "financed", r.financedMinor(), minorUnits);
        amount(json, "factored", r.factoredMinor(), minorUnits);
        json.append(", \"issueDate\": \"").append(r.issueDate()).append('"');
        json.append(", \"dueDate\": \"").append(r.dueDate()).append('"');
        json.append(", \"financing\": ");
        ReceivableView.FinancingView f = r.financing();
        if (f == null) {
            json.append("null");
        } else {
            json.append("{\"financingId\": ");
            string(json, f.id());
            json.append(", \"bankId\": ");
            string(json, f.bankId());
            json.append(", \"state\": \"").append(f.state().name()).append('"');
            json.append(", \"active\": ").append(f.active());
            amount(json, "requested", f.requestedMinor(), minorUnits);
            amount(json, "financed", f.financedMinor(), minorUnits);
            json.append('}');
        }
        json.append(", \"parentId\": ");
        string(json, r.parentId());
        json.append(", \"childIds\": [");
        for (int i = 0; i < r.childIds().size(); i++) {
            json.append(i > 0 ? ", " : "");
            string(json, r.childIds().get(i));
        }
        json.append("], \"history\": [");
        for (int i = 0; i < r.history().size(); i++) {
            ReceivableView.Change c = r.history().get(i);
            json.append(i > 0 ? ", " : "")
                    .append("{\"sequence\": ")
                    .append(c.sequence())
                    .append(", \"change\": \"")
                    .append(c.change().name())
                    .append("\"}");
        }
        return json.append("]}").toString();
    }

    static String exposure(String bankId, List<ExposureView> lines, long sequence) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"bankId\": ");
        string(json, bankId);
        json.append(", \"sequence\": ").append(sequence).append(", \"lines\": [");
        for (int i = 0; i < lines.size(); i++) {
            ExposureView e = lines.get(i);
            int minorUnits = Iso4217.minorUnits(Iso4217.pack(e.currency()));
            json.append(i > 0 ? ", " : "").append("{\"coreId\": ");
            string(json, e.coreId());
            json.append(", \"currency\": \"").append(e.currency()).append('"');
            amount(json, "limit", e.limitMinor(), minorUnits);
            amount(json, "reserved", e.reservedMinor(), minorUnits);
            amount(json, "used", e.usedMinor(), minorUnits);
            amount(json, "available", e.availableMinor(), minorUnits);
            json.append('}');
        }
        return json.append("]}").toString();
    }

    private static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
        } else {
            json.append('"').append(Json.escape(value)).append('"');
        }
    }

    /** {@code , "<name>Minor": 123, "<name>": "1.23"} */
    private static void amount(StringBuilder json, String name, long minor, int minorUnits) {
        json.append(", \"").append(name).append("Minor\": ").append(minor);
        json.append(", \"").append(name).append("\": \"");
        DecimalAmounts.appendDecimal(json, minor, minorUnits);
        json.append('"');
    }
}
