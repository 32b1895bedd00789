package io.kapok.codecs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.BusinessAppHdrV02;
import com.prowidesoftware.swift.model.mx.MinimumEscapeHandler;
import com.prowidesoftware.swift.model.mx.MxReadConfiguration;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.MxWriteParams;
import com.prowidesoftware.swift.model.mx.dic.GenericOrganisationIdentification1;
import com.prowidesoftware.swift.model.mx.dic.OrganisationIdentification29;
import com.prowidesoftware.swift.model.mx.dic.Party44Choice;
import io.kapok.codecs.iso.MessageHeader;
import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.xml.HardenedXmlInputFactory;
import io.kapok.codecs.xml.Utf8XmlWriter;
import io.kapok.codecs.xml.XmlLimits;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.io.Stax2ByteArraySource;

/**
 * Prowide (pw-iso20022) as the independent reader of what Kapok's encoders write. One JAXBContext
 * per message type is built once and handed to Prowide's {@code parse} through
 * {@link MxReadConfiguration}; every context includes {@link BusinessAppHdrV02}, without which
 * Prowide silently drops the AppHdr and a header check would pass vacuously.
 *
 * <p>{@link #read} also checks that the elements inside AppHdr and Document come in the order in
 * which Prowide's model (generated from the schema's sequences) writes them back, so a misplaced or
 * unknown element fails the test.
 *
 * <p>It also writes messages from Prowide's own model ({@link #xml}), for the decoders' tests.
 */
public final class ProwideOracle {
    private static final Map<Class<?>, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, JAXBContext> WRITE_CONTEXTS = new ConcurrentHashMap<>();

    private ProwideOracle() {}

    /** What the encoder wrote, as text, and Prowide's reading of it. */
    public record Reading<T extends AbstractMX>(String xml, T mx) {}

    /**
     * Parses {@code out}'s content with Prowide as {@code type}, asserts the Document and AppHdr were
     * found and the element order matches Prowide's model.
     *
     * @param extraClasses classes to register in the context beside the message's own (see
     *     tsin.013's IDREF targets)
     */
    public static <T extends AbstractMX> Reading<T> read(Utf8XmlWriter out, Class<T> type, Class<?>... extraClasses) {
        String xml = out.toString();
        T mx = parse(xml, type, extraClasses);
        assertNotNull(mx, () -> "Prowide could not read\n" + xml);
        assertNotNull(mx.getAppHdr(), () -> "Prowide found no AppHdr in\n" + xml);
        if (extraClasses.length == 0) {
            assertSameElementOrder(xml, mx.message(writeConfiguration()));
        } else {
            // Prowide's own write context lacks the extra classes too, and the context given
            // replaces it for the AppHdr as well: so the Document is rewritten with the message's
            // classes and the extra ones, and the AppHdr on its own.
            MxWriteConfiguration conf = writeConfiguration();
            conf.context = WRITE_CONTEXTS.computeIfAbsent(type, t -> newContext(t, false, extraClasses));
            assertElementOrder(xml, mx.message(conf), "Document");
            MxWriteParams params = new MxWriteParams();
            params.escapeHandler = new MinimumEscapeHandler();
            assertElementOrder(xml, ((BusinessAppHdrV02) mx.getAppHdr()).xml(params), "AppHdr");
        }
        return new Reading<>(xml, mx);
    }

    /** Prowide's parse of {@code xml} with the cached context of {@code type}. */
    public static <T extends AbstractMX> T parse(String xml, Class<T> type, Class<?>... extraClasses) {
        MxReadConfiguration conf = new MxReadConfiguration();
        conf.context = CONTEXTS.computeIfAbsent(type, t -> newContext(t, true, extraClasses));
        try {
            return type.cast(type.getMethod("parse", String.class, MxReadConfiguration.class)
                    .invoke(null, xml, conf));
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError("Prowide cannot parse " + type.getSimpleName(), e);
        }
    }

    private static JAXBContext newContext(Class<?> type, boolean withAppHdr, Class<?>[] extraClasses) {
        try {
            List<Class<?>> classes = new ArrayList<>(
                    Arrays.asList((Class<?>[]) type.getField("_classes").get(null)));
            if (withAppHdr) {
                classes.add(BusinessAppHdrV02.class);
            }
            classes.addAll(Arrays.asList(extraClasses));
            return JAXBContext.newInstance(classes.toArray(new Class<?>[0]));
        } catch (JAXBException | ReflectiveOperationException e) {
            throw new IllegalStateException("no JAXB context for " + type.getSimpleName(), e);
        }
    }

    /** Prowide's default write configuration, escaping only markup. */
    public static MxWriteConfiguration writeConfiguration() {
        MxWriteConfiguration conf = new MxWriteConfiguration();
        conf.escapeHandler = new MinimumEscapeHandler();
        return conf;
    }

    /** The AppHdr Prowide read says what {@code header} says, party by party. */
    public static void assertAppHdr(
            MessageHeader header, MessageType type, String businessService, AbstractMX mx, String xml) {
        BusinessAppHdrV02 hdr = (BusinessAppHdrV02) mx.getAppHdr();
        assertAll(
                xml,
                () -> assertParty(header.from, hdr.getFr()),
                () -> assertParty(header.to, hdr.getTo()),
                () -> assertEquals(header.messageId.toString(), hdr.getBizMsgIdr()),
                () -> assertEquals(type.messageDefinition(), hdr.getMsgDefIdr()),
                () -> assertEquals(businessService, hdr.getBizSvc()),
                () -> assertEquals(
                        header.creationTimeMs, hdr.getCreDt().toInstant().toEpochMilli()));
    }

    /** A Party44Choice holds exactly the identity Kapok wrote. */
    public static void assertParty(PartyIdentity expected, Party44Choice actual) {
        if (expected.isFinancialInstitution()) {
            assertEquals(
                    expected.id.toString(), actual.getFIId().getFinInstnId().getBICFI());
            return;
        }
        assertEquals(
                expected.name.length() > 0 ? expected.name.toString() : null,
                actual.getOrgId().getNm());
        assertOrganisation(expected, actual.getOrgId().getId().getOrgId());
    }

    /** An OrganisationIdentification29 holds exactly the identity Kapok wrote. */
    public static void assertOrganisation(PartyIdentity expected, OrganisationIdentification29 actual) {
        switch (expected.scheme) {
            case BIC -> assertEquals(expected.id.toString(), actual.getAnyBIC());
            case LEI -> assertEquals(expected.id.toString(), actual.getLEI());
            case USCC -> {
                assertEquals(1, actual.getOthr().size());
                GenericOrganisationIdentification1 other = actual.getOthr().get(0);
                assertEquals(expected.id.toString(), other.getId());
                assertEquals(PartyIdentity.USCC_SCHEME, other.getSchmeNm().getPrtry());
            }
        }
    }

    /** {@code minor} minor units of a currency with {@code minorUnits} decimals equals the amount Prowide read. */
    public static void assertAmount(long minor, int minorUnits, BigDecimal actual) {
        assertNotNull(actual, "amount absent");
        assertEquals(BigDecimal.valueOf(minor, minorUnits), actual);
        assertEquals(minorUnits, actual.scale(), () -> actual + " is not written with " + minorUnits + " decimals");
    }

    public static void assertDate(long epochDay, LocalDate actual) {
        assertEquals(LocalDate.ofEpochDay(epochDay), actual);
    }

    public static void assertInstant(long epochMs, OffsetDateTime actual) {
        assertEquals(epochMs, actual.toInstant().toEpochMilli());
    }

    /** Kapok's message and Prowide's rewrite of it hold the same elements in the same order. */
    public static void assertSameElementOrder(String kapok, String prowide) {
        assertElementOrder(kapok, prowide, "AppHdr");
        assertElementOrder(kapok, prowide, "Document");
    }

    /** The elements inside {@code section} come in the same order in both texts. */
    public static void assertElementOrder(String kapok, String prowide, String section) {
        assertEquals(
                elementNames(prowide, section),
                elementNames(kapok, section),
                section + " element order\nKapok:   " + kapok + "\nProwide: " + prowide);
    }

    /** Local names of the elements inside the first element named {@code section}, in document order. */
    public static List<String> elementNames(String xml, String section) {
        List<String> names = new ArrayList<>();
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        try {
            XMLStreamReader reader = HardenedXmlInputFactory.create(XmlLimits.DEFAULTS)
                    .createXMLStreamReader(new Stax2ByteArraySource(bytes, 0, bytes.length));
            int depthInSection = -1;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (depthInSection >= 0) {
                        depthInSection++;
                        names.add(reader.getLocalName());
                    } else if (reader.getLocalName().equals(section) && names.isEmpty()) {
                        depthInSection = 0;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && depthInSection >= 0) {
                    if (depthInSection == 0) {
                        break;
                    }
                    depthInSection--;
                }
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw new AssertionError("not well-formed: " + xml, e);
        }
        return names;
    }

    // Writing with Prowide's own model: the messages Kapok's decoders are checked against.

    /** One context for the Document classes of a message, the AppHdr and any {@code extra} classes. */
    public static JAXBContext contextWithAppHdr(Class<?>[] documentClasses, Class<?>... extra) {
        List<Class<?>> classes = new ArrayList<>(Arrays.asList(extra));
        classes.add(BusinessAppHdrV02.class);
        return context(documentClasses, classes.toArray(new Class<?>[0]));
    }

    /**
     * One context for the Document classes of a message and any {@code extra} classes, without
     * the AppHdr: for writing (see {@link #xml(AbstractMX, JAXBContext)}).
     */
    public static JAXBContext context(Class<?>[] documentClasses, Class<?>... extra) {
        List<Class<?>> classes = new ArrayList<>(Arrays.asList(documentClasses));
        classes.addAll(Arrays.asList(extra));
        try {
            return JAXBContext.newInstance(classes.toArray(new Class<?>[0]));
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A read configuration that uses {@code context} instead of building one per parse. */
    public static MxReadConfiguration reading(JAXBContext context) {
        MxReadConfiguration conf = new MxReadConfiguration();
        conf.context = context;
        return conf;
    }

    /** Prowide's own XML of {@code mx} (AppHdr and Document), escaping only markup characters. */
    public static String xml(AbstractMX mx) {
        MxWriteConfiguration conf = new MxWriteConfiguration();
        conf.escapeHandler = new MinimumEscapeHandler();
        return mx.message(conf);
    }

    /**
     * Prowide's XML of {@code mx} written with {@code context}: for a message whose own context
     * misses classes (tsin.013). Prowide then declares every namespace of the context on each
     * element, so the context must not hold the AppHdr classes when the message has a header.
     */
    public static String xml(AbstractMX mx, JAXBContext context) {
        MxWriteConfiguration conf = new MxWriteConfiguration();
        conf.escapeHandler = new MinimumEscapeHandler();
        conf.context = context;
        return mx.message(conf);
    }
}
