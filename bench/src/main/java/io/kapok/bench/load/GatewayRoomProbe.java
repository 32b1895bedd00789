package io.kapok.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads from the gateway's {@code GET /v1/health}, before and after each run, the two things a load
 * run fills that the gateway does not empty by itself while it runs:
 *
 * <ul>
 *   <li>the payment window ({@code paymentWindow}): every payment is kept {@code retentionDays} (30
 *       by default) to answer its retries; once it holds its {@code capacity} (4,194,304 by
 *       default), new payments are refused ({@code PAYMENT_WINDOW_FULL}, reason NARR). Its {@code
 *       room} changing during a run means the window doubled, a copy that stops the sequencer for
 *       tens of milliseconds from 262,144 decisions on;
 *   <li>the fullest mailbox ({@code mailboxes}): nobody polls during a load run, and a payment
 *       leaves about {@value #MAILBOX_MESSAGES_PER_PAYMENT} messages in each of the two demo banks'
 *       mailboxes with posting notifications on (the default; {@value
 *       #MAILBOX_MESSAGES_PER_PAYMENT_WITHOUT_NOTICES} with them off, which the health says): the relayed pacs.008 and a camt.054
 *       to the bank paid, a camt.054 to the bank paying, and the generator's payments go both ways.
 *       Once one holds {@code mailbox.capacityPerParty} (1,000,000 by default), every message that
 *       would write to it is answered 503;
 *   <li>the message window ({@code messageWindow}): every receivable-financing message of a
 *       {@code --mix} with tsin flows, set-up included, is kept {@code retentionDays} for its
 *       retries; once it holds its {@code capacity} (1,048,576 by default), each new one is answered
 *       503.
 * </ul>
 *
 * So that a run that would fill either says so before it starts, and a {@code --find-max} search
 * stops there rather than reading refusals as the rate's failure. Outside the measured path: one
 * request before and one after each run.
 */
final class GatewayRoomProbe {
    /**
     * Messages one of the generator's payments leaves in each demo bank's mailbox, on average, with
     * posting notifications on: three per payment (relay and credit notice to the creditor's agent,
     * debit notice to the debtor's), and the payments alternate direction.
     */
    static final double MAILBOX_MESSAGES_PER_PAYMENT = 1.5;

    /** The same with posting notifications off: the relayed payment alone. */
    static final double MAILBOX_MESSAGES_PER_PAYMENT_WITHOUT_NOTICES = 0.5;

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the health document said; a count is -1 (and the party null) where it did not say: an
     * older build, or no answer.
     */
    record Room(
            long windowDecisions,
            long windowRoom,
            long windowCapacity,
            long mailboxUndeliveredMax,
            long mailboxCapacity,
            String fullestParty,
            int postingNotices,
            long financingMessages,
            long financingMessageCapacity,
            int financingWindowFull) {
        static final Room UNKNOWN = new Room(-1, -1, -1, -1, -1, null, -1, -1, -1, -1);

        /** Receivable-financing messages the message window still takes, or -1 when unknown. */
        long financingMessagesFree() {
            return financingMessages < 0 || financingMessageCapacity < 0
                    ? -1
                    : Math.max(0, financingMessageCapacity - financingMessages);
        }

        /**
         * Messages each bank's mailbox takes per payment of the generator's: fewer when the gateway
         * says posting notifications are off ({@code postingNotices} 0); when it does not say (-1),
         * as with them on, the default.
         */
        double mailboxMessagesPerPayment() {
            return postingNotices == 0 ? MAILBOX_MESSAGES_PER_PAYMENT_WITHOUT_NOTICES : MAILBOX_MESSAGES_PER_PAYMENT;
        }

        /** Payments the window still takes before it refuses them, or -1 when unknown. */
        long windowFree() {
            return windowDecisions < 0 || windowCapacity < 0 ? -1 : Math.max(0, windowCapacity - windowDecisions);
        }

        /** Messages the fullest mailbox still takes before the gateway answers 503, or -1 when unknown. */
        long mailboxFree() {
            return mailboxUndeliveredMax < 0 || mailboxCapacity < 0
                    ? -1
                    : Math.max(0, mailboxCapacity - mailboxUndeliveredMax);
        }
    }

    private final HttpClient client;
    private final URI health;

    /** @param host as {@code --url} gave it: a name, an IPv4 address, or an IPv6 one in brackets */
    GatewayRoomProbe(String host, int port) {
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.health = healthUri(host, port);
    }

    static URI healthUri(String host, int port) {
        boolean bareIpv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
        return URI.create("http://" + (bareIpv6 ? "[" + host + "]" : host) + ":" + port + "/v1/health");
    }

    /** What the gateway says now; {@link Room#UNKNOWN} when it does not answer. */
    Room read() {
        try {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(health).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return parse(r.body());
        } catch (java.io.IOException e) {
            return Room.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Room.UNKNOWN;
        }
    }

    /** The counts a health document gives; -1 for each it lacks, all of them for what is not JSON. */
    static Room parse(String healthJson) {
        JsonNode h;
        try {
            h = JSON.readTree(healthJson);
        } catch (java.io.IOException e) {
            return Room.UNKNOWN;
        }
        if (h == null || !h.isObject()) {
            return Room.UNKNOWN;
        }
        JsonNode fullest = h.at("/mailboxes/fullestParty");
        JsonNode notices = h.at("/mailboxes/postingNotices");
        JsonNode financingFull = h.at("/messageWindow/full");
        return new Room(
                count(h, "/paymentWindow/decisions"),
                count(h, "/paymentWindow/room"),
                count(h, "/paymentWindow/capacity"),
                count(h, "/mailboxes/undeliveredMax"),
                count(h, "/mailboxes/capacityPerParty"),
                fullest.isTextual() ? fullest.asText() : null,
                notices.isBoolean() ? (notices.asBoolean() ? 1 : 0) : -1,
                count(h, "/messageWindow/messages"),
                count(h, "/messageWindow/capacity"),
                financingFull.isBoolean() ? (financingFull.asBoolean() ? 1 : 0) : -1);
    }

    private static long count(JsonNode h, String pointer) {
        JsonNode n = h.at(pointer);
        return n.canConvertToLong() && n.isIntegralNumber() && n.asLong() >= 0 ? n.asLong() : -1;
    }

    /** True when both rooms are known and differ: the window grew between them. */
    static boolean grew(Room before, Room after) {
        return before.windowRoom() >= 0 && after.windowRoom() >= 0 && before.windowRoom() != after.windowRoom();
    }

    /** A note for a run's report when the window grew between {@code before} and {@code after}; empty when it did not. */
    static String grewNote(Room before, Room after) {
        if (!grew(before, after)) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                "the gateway's payment window grew from %,d to %,d decisions during this run: the sequencer"
                        + " answered nothing while it copied the window (tens of ms from 262,144 decisions on,"
                        + " hundreds where its next arrays were not made ahead), and this run's tail includes that",
                before.windowRoom(),
                after.windowRoom());
    }

    /** {@link #shortfall(Room, long, long)} for a run of payments only. */
    static String shortfall(Room room, long payments) {
        return shortfall(room, payments, 0);
    }

    /**
     * Why a run that sends {@code payments} payments and {@code financingMessages} receivable-financing
     * messages will fill the payment window, a mailbox or the message window, and what to do about
     * it; empty when it will not (or the gateway does not say). The mailboxes are counted for the
     * payments only: the financing flows write to other parties' mailboxes too.
     */
    static String shortfall(Room room, long payments, long financingMessages) {
        StringBuilder why = new StringBuilder();
        long financingFree = room.financingMessagesFree();
        if (financingFree >= 0 && financingMessages > financingFree) {
            why.append(String.format(
                    Locale.ROOT,
                    "the gateway's message window has room for %,d more receivable-financing messages (%,d of"
                            + " %,d kept for their retries) and this run sends %,d, set-up included: the rest are"
                            + " answered 503 until the oldest are retentionDays old. Start the gateway on a fresh"
                            + " --data directory, or with a larger ledger.messageWindow.capacity",
                    financingFree,
                    room.financingMessages(),
                    room.financingMessageCapacity(),
                    financingMessages));
        }
        long windowFree = room.windowFree();
        if (windowFree >= 0 && payments > windowFree) {
            if (why.length() > 0) {
                why.append("; and ");
            }
            why.append(String.format(
                    Locale.ROOT,
                    "the gateway's payment window has room for %,d more payments (%,d of %,d kept) and this run"
                            + " sends %,d: the rest are refused (PAYMENT_WINDOW_FULL, NARR) until the oldest are"
                            + " retentionDays old. Start the gateway on a fresh --data directory, or with a larger"
                            + " ledger.paymentWindow.capacity (and -Xmx to hold it)",
                    windowFree,
                    room.windowDecisions(),
                    room.windowCapacity(),
                    payments));
        }
        long mailboxFree = room.mailboxFree();
        double perPayment = room.mailboxMessagesPerPayment();
        long messages = (long) Math.ceil(payments * perPayment);
        if (mailboxFree >= 0 && messages > mailboxFree) {
            if (why.length() > 0) {
                why.append("; and ");
            }
            if (mailboxFree == 0) {
                why.append(String.format(
                        Locale.ROOT,
                        "the mailbox of %s is already full (%,d undelivered, mailbox.capacityPerParty %,d): every"
                                + " message to it is answered 503",
                        room.fullestParty() == null ? "a party" : room.fullestParty(),
                        room.mailboxUndeliveredMax(),
                        room.mailboxCapacity()));
            } else {
                why.append(String.format(
                        Locale.ROOT,
                        "the mailboxes of the two banks the payments go between (%s, %s) take at most %,d more"
                                + " messages each (mailbox.capacityPerParty %,d; the fullest, %s, holds %,d undelivered)"
                                + " and this run's %,d payments leave about %,d in each (%.1f a payment with posting"
                                + " notifications %s): once one is full, after about %,d payments, every message to it"
                                + " is answered 503",
                        Pacs008Templates.PRBK,
                        Pacs008Templates.VHBK,
                        mailboxFree,
                        room.mailboxCapacity(),
                        room.fullestParty() == null ? "unnamed" : room.fullestParty(),
                        room.mailboxUndeliveredMax(),
                        payments,
                        messages,
                        perPayment,
                        room.postingNotices() == 0 ? "off" : "on",
                        (long) (mailboxFree / perPayment)));
            }
            why.append(String.format(
                    Locale.ROOT,
                    room.postingNotices() == 0
                            ? ". Raise mailbox.capacityPerParty, or let each bank take"
                            : ". Raise mailbox.capacityPerParty, set notifications.postings: false, or let each bank take"
                                    + " its messages (GET /v1/mailbox?after=4611686018427387903&waitMs=0 with X-Kapok-Party:"
                                    + " %s, then %s)",
                    Pacs008Templates.PRBK,
                    Pacs008Templates.VHBK));
        }
        return why.toString();
    }
}
