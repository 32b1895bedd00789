package io.kapok.bench.load;

import io.kapok.gateway.demo.DemoMessages;
import io.kapok.gateway.demo.DemoMessages.Invoice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The 1+N messages a load run posts, written once by Kapok's own encoders ({@link DemoMessages})
 * with placeholder ids and then only copied and overwritten ({@link FieldTemplate}), so the timed
 * path does no XML work. The demo world's parties (config/kapok.yaml):
 *
 * <pre>
 *  tsin.004  a supplier → the platform: registers invoice n on Canton Auto Group
 *            (91440101MA9KAPK001); BizMsgIdr = InvcId = n
 *  tsin.013  Canton Auto Group → the platform: confirms (确权) {@value #CONFIRMATION_ITEMS} invoices
 *            n, n+1, …; BizMsgIdr = LttrIdr = the list's Idr = the letter id
 *  tsin.001  the invoice's supplier → Pearl River Bank: asks to finance invoice n in programme
 *            PRBK-CAG-CNY, up to its advance cap (RqstdAmt left out); BizMsgIdr = GrpId, so the
 *            financing id is "{GrpId}/{n}", 35 characters
 * </pre>
 *
 * Every invoice is CNY 10,000.00, issued {@value #ISSUE_DAYS_AGO} days before the templates were
 * built and due {@value #DUE_IN_DAYS} days after (a 70-day term: the platform takes issue ≤ today,
 * due after today and at most 183 days between them). Invoice n belongs to supplier {@code n mod
 * 3} of the three the programme onboards ({@link #supplierOf}), so the sender of a tsin.001 is
 * always the invoice's holder. Ids are {@link UniqueIds#writeShortId short ids}. Immutable and
 * thread-safe; the {@code write*} methods allocate nothing.
 */
public final class FlowTemplates {
    /** Invoices one tsin.013 confirms, in the timed phase and in the set-up phase alike. */
    public static final int CONFIRMATION_ITEMS = 5;
    /** Amount of every invoice: CNY 10,000.00 in fen. */
    public static final long INVOICE_AMOUNT_MINOR = 1_000_000L;

    public static final int ISSUE_DAYS_AGO = 10;
    public static final int DUE_IN_DAYS = 60;

    /** The platform, Canton Auto Group (the debtor), and the programme's bank and id. */
    public static final String PLATFORM = "KAPKCNGZXXX";

    public static final String CORE = "91440101MA9KAPK001";
    public static final String BANK = "PRBKCNGZXXX";
    public static final String PROGRAMME = "PRBK-CAG-CNY";
    /** The suppliers onboarded in {@link #PROGRAMME}, by unified social credit code (18 characters each). */
    public static final List<String> SUPPLIERS =
            List.of("91440604MA9KAPK002", "91440700MA9KAPK003", "91440115MA9KAPK004");

    private static final String ID_PLACEHOLDER = "ZQL" + "L".repeat(UniqueIds.SHORT_ID_LENGTH - 3);
    private static final String SUPPLIER_PLACEHOLDER = "ZQS" + "S".repeat(15);

    private final UniqueIds ids;
    private final byte[][] suppliers = new byte[SUPPLIERS.size()][];
    private final FieldTemplate registration;
    private final FieldTemplate confirmation;
    private final FieldTemplate financing;
    private final long issueDay;
    private final long dueDay;

    /** Templates whose ids come from {@code ids}, dated from {@code nowMs} (epoch ms). */
    public FlowTemplates(UniqueIds ids, long nowMs) {
        this.ids = ids;
        for (int i = 0; i < suppliers.length; i++) {
            suppliers[i] = SUPPLIERS.get(i).getBytes(StandardCharsets.US_ASCII);
        }
        long today = Math.floorDiv(nowMs, 86_400_000L);
        issueDay = today - ISSUE_DAYS_AGO;
        dueDay = today + DUE_IN_DAYS;
        DemoMessages m = new DemoMessages(PLATFORM, nowMs);

        byte[] invoice = m.invoice(ID_PLACEHOLDER, SUPPLIER_PLACEHOLDER, CORE, invoice(itemPlaceholder(0)));
        // The line's product name quotes the invoice number, cut to 35 characters: a fixed name
        // instead, so that no cut placeholder is left in the bytes.
        invoice = new String(invoice, StandardCharsets.UTF_8)
                .replaceAll("<Nm>Parts delivered under invoice [^<]*</Nm>", "<Nm>Parts delivered</Nm>")
                .getBytes(StandardCharsets.UTF_8);
        registration = new FieldTemplate("the tsin.004 template", invoice, itemPlaceholder(0), SUPPLIER_PLACEHOLDER);

        List<Invoice> items = new ArrayList<>();
        String[] placeholders = new String[CONFIRMATION_ITEMS + 1];
        placeholders[0] = ID_PLACEHOLDER;
        for (int i = 0; i < CONFIRMATION_ITEMS; i++) {
            items.add(invoice(itemPlaceholder(i)));
            placeholders[i + 1] = itemPlaceholder(i);
        }
        confirmation = new FieldTemplate(
                "the tsin.013 template", m.confirmation(ID_PLACEHOLDER, CORE, items, List.of()), placeholders);

        financing = new FieldTemplate(
                "the tsin.001 template",
                m.financingRequest(
                        ID_PLACEHOLDER, SUPPLIER_PLACEHOLDER, CORE, BANK, PROGRAMME, invoice(itemPlaceholder(0)), -1),
                ID_PLACEHOLDER,
                itemPlaceholder(0),
                SUPPLIER_PLACEHOLDER);
    }

    /** The supplier that issued invoice {@code invoice}: one of {@link #SUPPLIERS}, in turn. */
    public static String supplierOf(long invoice) {
        return SUPPLIERS.get((int) (invoice % SUPPLIERS.size()));
    }

    /** Length of a {@code type} message, bytes (pacs.008 excluded: see {@link Pacs008Templates}). */
    public int length(MixType type) {
        return switch (type) {
            case TSIN004 -> registration.length();
            case TSIN013 -> confirmation.length();
            case TSIN001 -> financing.length();
            case PACS008 -> throw new IllegalArgumentException("pacs.008 bodies come from Pacs008Templates");
        };
    }

    /** Writes the tsin.004 that registers invoice {@code invoice} at {@code dst[offset]}. */
    public void writeRegistration(long invoice, byte[] dst, int offset) {
        registration.copyTo(dst, offset);
        writeIds(registration, 0, UniqueIds.INVOICE, invoice, dst, offset);
        writeSupplier(registration, 1, invoice, dst, offset);
    }

    /**
     * Writes the tsin.013 of letter {@code letter} (its id tagged {@code tag}) that confirms
     * invoices {@code firstInvoice} … {@code firstInvoice + CONFIRMATION_ITEMS - 1}.
     */
    public void writeConfirmation(char tag, long letter, long firstInvoice, byte[] dst, int offset) {
        confirmation.copyTo(dst, offset);
        writeIds(confirmation, 0, tag, letter, dst, offset);
        for (int i = 0; i < CONFIRMATION_ITEMS; i++) {
            writeIds(confirmation, i + 1, UniqueIds.INVOICE, firstInvoice + i, dst, offset);
        }
    }

    /** Writes the tsin.001 of bulk request {@code group} that asks to finance invoice {@code invoice}. */
    public void writeFinancingRequest(long group, long invoice, byte[] dst, int offset) {
        financing.copyTo(dst, offset);
        writeIds(financing, 0, UniqueIds.GROUP, group, dst, offset);
        writeIds(financing, 1, UniqueIds.INVOICE, invoice, dst, offset);
        writeSupplier(financing, 2, invoice, dst, offset);
    }

    /** Issue and due dates of every invoice, epoch days. */
    public long issueDay() {
        return issueDay;
    }

    public long dueDay() {
        return dueDay;
    }

    private void writeIds(FieldTemplate t, int placeholder, char tag, long index, byte[] dst, int offset) {
        for (int at : t.offsets(placeholder)) {
            ids.writeShortId(tag, index, dst, offset + at);
        }
    }

    private void writeSupplier(FieldTemplate t, int placeholder, long invoice, byte[] dst, int offset) {
        byte[] supplier = suppliers[(int) (invoice % suppliers.length)];
        for (int at : t.offsets(placeholder)) {
            System.arraycopy(supplier, 0, dst, offset + at, supplier.length);
        }
    }

    private Invoice invoice(String number) {
        return new Invoice(number, "CNY", INVOICE_AMOUNT_MINOR, issueDay, dueDay);
    }

    /** The placeholder of the {@code i}-th invoice number of a message: ZQAAAA…, ZQBBBB…, … */
    private static String itemPlaceholder(int i) {
        return "ZQ" + String.valueOf((char) ('A' + i)).repeat(UniqueIds.SHORT_ID_LENGTH - 2);
    }
}
