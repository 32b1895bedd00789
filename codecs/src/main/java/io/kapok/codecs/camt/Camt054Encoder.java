package io.kapok.codecs.camt;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a camt.054.001.08 BankToCustomerDebitCreditNotification with its Business Application
 * Header:
 *
 * <pre>
 * Envelope
 * ├─ AppHdr: Fr (the platform), To (the account owner), BizMsgIdr = GrpHdr/MsgId
 * └─ Document/BkToCstmrDbtCdtNtfctn
 *    ├─ GrpHdr: MsgId, CreDtTm
 *    └─ Ntfctn: Id, CreDtTm, Acct (Id/Othr/Id, Ccy, Ownr?, Svcr?),
 *       Ntry+: NtryRef?, Amt, CdtDbtInd, Sts/Cd (BOOK), BookgDt/Dt, ValDt/Dt?, AcctSvcrRef?,
 *              BkTxCd/Domn, NtryDtls/TxDtls (Refs: MsgId?, InstrId?, EndToEndId?, UETR?, TxId?;
 *              Amt, CdtDbtInd, AmtDtls?: InstdAmt/Amt, TxAmt/(Amt, CcyXchg: SrcCcy, TrgtCcy,
 *              UnitCcy, XchgRate); RmtInf/Ustrd?)
 * </pre>
 *
 * Not thread-safe: one encoder per thread.
 */
public final class Camt054Encoder {
    public static final MessageType TYPE = MessageType.CAMT_054_001_08;

    /** Encodes {@code notification} into {@code out} (which is reset first). */
    public void encode(Camt054Notification notification, Utf8XmlWriter out) {
        if (notification.entries.count() == 0) {
            throw new IllegalArgumentException("a camt.054 notifies at least one entry");
        }
        CamtElements.startReport(
                out,
                notification.header,
                TYPE,
                "BkToCstmrDbtCdtNtfctn",
                "Ntfctn",
                notification.notificationId,
                notification.account);
        for (int i = 0; i < notification.entries.count(); i++) {
            CamtElements.entry(out, notification.entries.get(i), notification.account.currency);
        }
        CamtElements.endReport(out, "BkToCstmrDbtCdtNtfctn", "Ntfctn");
    }
}
