package io.kapok.codecs.tsin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.prowidesoftware.swift.model.mx.dic.PartyIdentification25;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification8;
import io.kapok.codecs.iso.MessageHeader;
import io.kapok.codecs.iso.PartyIdentity;
import java.time.Instant;

/** Parties of the demo world as the tsin messages name them, and checks of what Prowide read. */
public final class TsinSamples {
    /** A name with every character XML escapes, and Chinese. */
    public static final String FOSHAN_NAME = "佛山精密零件 & <Foshan> \"Precision\" 'Parts'";

    public static final String CANTON_NAME = "广州汽车集团 Canton Auto Group";

    private TsinSamples() {}

    public static void header(MessageHeader header, PartyIdentity from, PartyIdentity to, String messageId) {
        header.from.copyFrom(from);
        header.to.copyFrom(to);
        header.messageId.set(messageId);
        header.creationTimeMs = Instant.parse("2026-11-23T02:00:00.250Z").toEpochMilli();
    }

    public static PartyIdentity foshan() {
        PartyIdentity party = new PartyIdentity().uscc("91440604MA9KAPK002");
        party.name.set(FOSHAN_NAME);
        return party;
    }

    public static PartyIdentity canton() {
        PartyIdentity party = new PartyIdentity().uscc("91440101MA9KAPK001");
        party.name.set(CANTON_NAME);
        return party;
    }

    public static PartyIdentity pearlRiverBank() {
        PartyIdentity party = new PartyIdentity().bic("PRBKCNGZXXX");
        party.name.set("Pearl River Bank");
        return party;
    }

    public static PartyIdentity platform() {
        return new PartyIdentity().bic("KAPKCNGZXXX");
    }

    public static void assertParty25(PartyIdentity expected, PartyIdentification25 actual) {
        assertEquals(expected.name.toString(), actual.getNm());
        if (expected.isFinancialInstitution()) {
            assertEquals(expected.id.toString(), actual.getBEI());
        } else {
            assertEquals(expected.id.toString(), actual.getPrtryId().getId());
            assertEquals(expected.scheme.name(), actual.getPrtryId().getIdTp());
        }
    }

    public static void assertParty8(PartyIdentity expected, PartyIdentification8 actual) {
        assertEquals(expected.name.toString(), actual.getNm());
        if (expected.isFinancialInstitution()) {
            assertEquals(expected.id.toString(), actual.getId().getOrgId().getBIC());
        } else {
            assertEquals(
                    expected.id.toString(),
                    actual.getId().getOrgId().getPrtryId().getId());
            assertEquals(
                    expected.scheme.name(),
                    actual.getId().getOrgId().getPrtryId().getIssr());
        }
    }
}
