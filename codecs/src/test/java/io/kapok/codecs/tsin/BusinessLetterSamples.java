package io.kapok.codecs.tsin;

import com.prowidesoftware.swift.model.mx.dic.BusinessLetter1;
import com.prowidesoftware.swift.model.mx.dic.GenericOrganisationIdentification1;
import com.prowidesoftware.swift.model.mx.dic.OrganisationIdentification6;
import com.prowidesoftware.swift.model.mx.dic.OrganisationIdentificationSchemeName1Choice;
import com.prowidesoftware.swift.model.mx.dic.Party8Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification45;
import com.prowidesoftware.swift.model.mx.dic.QualifiedDocumentInformation1;
import com.prowidesoftware.swift.model.mx.dic.QualifiedPartyIdentification1;
import com.prowidesoftware.swift.model.mx.dic.SingleQualifiedPartyIdentification1;
import com.prowidesoftware.swift.model.mx.dic.TradeParty1;
import java.time.LocalDate;

/** The demo world's parties as Prowide business letter parties, and a letter header between them. */
final class BusinessLetterSamples {
    static final QualifiedPartyIdentification1 SUPPLIER = party("FSPP", "Foshan Precision Parts", "91440604MA9KAPK002");
    static final QualifiedPartyIdentification1 DEBTOR = party("CAG", "Canton Auto Group", "91440101MA9KAPK001");
    static final QualifiedPartyIdentification1 BANK = party("PRBK", "Pearl River Bank", "91440101MA9KAPKB01");

    private BusinessLetterSamples() {}

    /** A party known in the letter by {@code ref}, with its unified social credit code. */
    static QualifiedPartyIdentification1 party(String ref, String name, String uscc) {
        return new QualifiedPartyIdentification1()
                .setId(ref)
                .addPty(new SingleQualifiedPartyIdentification1()
                        .setBasePty(new TradeParty1()
                                .setPtyId(new PartyIdentification45()
                                        .setNm(name)
                                        .setId(new Party8Choice()
                                                .setOrgId(new OrganisationIdentification6()
                                                        .addOthr(new GenericOrganisationIdentification1()
                                                                .setId(uscc)
                                                                .setSchmeNm(
                                                                        new OrganisationIdentificationSchemeName1Choice()
                                                                                .setPrtry("USCC"))))))));
    }

    /** A letter {@code id} of 2026-11-23 from {@code originator} to the bank (or, from the bank, to the supplier). */
    static BusinessLetter1 letter(String id, QualifiedPartyIdentification1 originator) {
        return new BusinessLetter1()
                .setLttrIdr(new QualifiedDocumentInformation1().setId(id))
                .setDt(LocalDate.of(2026, 11, 23))
                .setOrgtr(originator)
                .addPmryRcpt(originator == BANK ? SUPPLIER : BANK)
                .addAuthstnUsr(originator);
    }
}
