package io.kapok.codecs.tsin;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.annotation.XmlElementDecl;
import jakarta.xml.bind.annotation.XmlIDREF;
import jakarta.xml.bind.annotation.XmlRegistry;
import javax.xml.namespace.QName;

/**
 * What stock Prowide lacks to read or write the BusinessLetter1 messages (tsin.006 to tsin.013,
 * tsmt.053/054): their models hold six repeated IDREF elements as {@code JAXBElement} references
 * ({@code RltdDoc}, {@code RltdItm}, {@code GovngCtrct}, {@code AckRcvr}, {@code AssoctdDoc},
 * {@code FinDocRef}) but the jar ships no ObjectFactory declaring them, so building a JAXBContext
 * for any of these messages fails with "There's no ObjectFactory with an @XmlElementDecl". The test
 * oracle registers one of these registries per message namespace beside Prowide's own classes.
 * Kapok's encoders write none of these six elements; the declarations only let the context build.
 */
public final class LetterIdrefRegistries {
    private LetterIdrefRegistries() {}

    /** The registry for the namespace of {@code messageDefinition}, e.g. {@code tsin.013.001.01}. */
    public static Class<?> forMessage(String messageDefinition) {
        for (Class<?> registry : LetterIdrefRegistries.class.getDeclaredClasses()) {
            if (registry.getSimpleName().equals(className(messageDefinition))) {
                return registry;
            }
        }
        throw new IllegalArgumentException("no IDREF registry for " + messageDefinition);
    }

    private static String className(String messageDefinition) {
        String area = messageDefinition.substring(0, 4);
        return Character.toUpperCase(area.charAt(0)) + area.substring(1) + messageDefinition.substring(5, 8);
    }

    private static JAXBElement<Object> element(String namespace, String name, Object value) {
        return new JAXBElement<>(new QName(namespace, name), Object.class, value);
    }

    @XmlRegistry
    static final class Tsin006 {
        static final String NS = "urn:iso:std:iso:20022:tech:xsd:tsin.006.001.01";

        @XmlElementDecl(namespace = NS, name = "RltdDoc")
        @XmlIDREF
        JAXBElement<Object> createRltdDoc(Object value) {
            return element(NS, "RltdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "RltdItm")
        @XmlIDREF
        JAXBElement<Object> createRltdItm(Object value) {
            return element(NS, "RltdItm", value);
        }

        @XmlElementDecl(namespace = NS, name = "GovngCtrct")
        @XmlIDREF
        JAXBElement<Object> createGovngCtrct(Object value) {
            return element(NS, "GovngCtrct", value);
        }

        @XmlElementDecl(namespace = NS, name = "AckRcvr")
        @XmlIDREF
        JAXBElement<Object> createAckRcvr(Object value) {
            return element(NS, "AckRcvr", value);
        }

        @XmlElementDecl(namespace = NS, name = "AssoctdDoc")
        @XmlIDREF
        JAXBElement<Object> createAssoctdDoc(Object value) {
            return element(NS, "AssoctdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "FinDocRef")
        @XmlIDREF
        JAXBElement<Object> createFinDocRef(Object value) {
            return element(NS, "FinDocRef", value);
        }
    }

    @XmlRegistry
    static final class Tsin007 {
        static final String NS = "urn:iso:std:iso:20022:tech:xsd:tsin.007.001.01";

        @XmlElementDecl(namespace = NS, name = "RltdDoc")
        @XmlIDREF
        JAXBElement<Object> createRltdDoc(Object value) {
            return element(NS, "RltdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "RltdItm")
        @XmlIDREF
        JAXBElement<Object> createRltdItm(Object value) {
            return element(NS, "RltdItm", value);
        }

        @XmlElementDecl(namespace = NS, name = "GovngCtrct")
        @XmlIDREF
        JAXBElement<Object> createGovngCtrct(Object value) {
            return element(NS, "GovngCtrct", value);
        }

        @XmlElementDecl(namespace = NS, name = "AckRcvr")
        @XmlIDREF
        JAXBElement<Object> createAckRcvr(Object value) {
            return element(NS, "AckRcvr", value);
        }

        @XmlElementDecl(namespace = NS, name = "AssoctdDoc")
        @XmlIDREF
        JAXBElement<Object> createAssoctdDoc(Object value) {
            return element(NS, "AssoctdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "FinDocRef")
        @XmlIDREF
        JAXBElement<Object> createFinDocRef(Object value) {
            return element(NS, "FinDocRef", value);
        }
    }

    @XmlRegistry
    static final class Tsin008 {
        static final String NS = "urn:iso:std:iso:20022:tech:xsd:tsin.008.001.01";

        @XmlElementDecl(namespace = NS, name = "RltdDoc")
        @XmlIDREF
        JAXBElement<Object> createRltdDoc(Object value) {
            return element(NS, "RltdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "RltdItm")
        @XmlIDREF
        JAXBElement<Object> createRltdItm(Object value) {
            return element(NS, "RltdItm", value);
        }

        @XmlElementDecl(namespace = NS, name = "GovngCtrct")
        @XmlIDREF
        JAXBElement<Object> createGovngCtrct(Object value) {
            return element(NS, "GovngCtrct", value);
        }

        @XmlElementDecl(namespace = NS, name = "AckRcvr")
        @XmlIDREF
        JAXBElement<Object> createAckRcvr(Object value) {
            return element(NS, "AckRcvr", value);
        }

        @XmlElementDecl(namespace = NS, name = "AssoctdDoc")
        @XmlIDREF
        JAXBElement<Object> createAssoctdDoc(Object value) {
            return element(NS, "AssoctdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "FinDocRef")
        @XmlIDREF
        JAXBElement<Object> createFinDocRef(Object value) {
            return element(NS, "FinDocRef", value);
        }
    }

    @XmlRegistry
    static final class Tsin009 {
        static final String NS = "urn:iso:std:iso:20022:tech:xsd:tsin.009.001.01";

        @XmlElementDecl(namespace = NS, name = "RltdDoc")
        @XmlIDREF
        JAXBElement<Object> createRltdDoc(Object value) {
            return element(NS, "RltdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "RltdItm")
        @XmlIDREF
        JAXBElement<Object> createRltdItm(Object value) {
            return element(NS, "RltdItm", value);
        }

        @XmlElementDecl(namespace = NS, name = "GovngCtrct")
        @XmlIDREF
        JAXBElement<Object> createGovngCtrct(Object value) {
            return element(NS, "GovngCtrct", value);
        }

        @XmlElementDecl(namespace = NS, name = "AckRcvr")
        @XmlIDREF
        JAXBElement<Object> createAckRcvr(Object value) {
            return element(NS, "AckRcvr", value);
        }

        @XmlElementDecl(namespace = NS, name = "AssoctdDoc")
        @XmlIDREF
        JAXBElement<Object> createAssoctdDoc(Object value) {
            return element(NS, "AssoctdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "FinDocRef")
        @XmlIDREF
        JAXBElement<Object> createFinDocRef(Object value) {
            return element(NS, "FinDocRef", value);
        }
    }

    @XmlRegistry
    static final class Tsin010 {
        static final String NS = "urn:iso:std:iso:20022:tech:xsd:tsin.010.001.01";

        @XmlElementDecl(namespace = NS, name = "RltdDoc")
        @XmlIDREF
        JAXBElement<Object> createRltdDoc(Object value) {
            return element(NS, "RltdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "RltdItm")
        @XmlIDREF
        JAXBElement<Object> createRltdItm(Object value) {
            return element(NS, "RltdItm", value);
        }

        @XmlElementDecl(namespace = NS, name = "GovngCtrct")
        @XmlIDREF
        JAXBElement<Object> createGovngCtrct(Object value) {
            return element(NS, "GovngCtrct", value);
        }

        @XmlElementDecl(namespace = NS, name = "AckRcvr")
        @XmlIDREF
        JAXBElement<Object> createAckRcvr(Object value) {
            return element(NS, "AckRcvr", value);
        }

        @XmlElementDecl(namespace = NS, name = "AssoctdDoc")
        @XmlIDREF
        JAXBElement<Object> createAssoctdDoc(Object value) {
            return element(NS, "AssoctdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "FinDocRef")
        @XmlIDREF
        JAXBElement<Object> createFinDocRef(Object value) {
            return element(NS, "FinDocRef", value);
        }
    }

    @XmlRegistry
    static final class Tsin011 {
        static final String NS = "urn:iso:std:iso:20022:tech:xsd:tsin.011.001.01";

        @XmlElementDecl(namespace = NS, name = "RltdDoc")
        @XmlIDREF
        JAXBElement<Object> createRltdDoc(Object value) {
            return element(NS, "RltdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "RltdItm")
        @XmlIDREF
        JAXBElement<Object> createRltdItm(Object value) {
            return element(NS, "RltdItm", value);
        }

        @XmlElementDecl(namespace = NS, name = "GovngCtrct")
        @XmlIDREF
        JAXBElement<Object> createGovngCtrct(Object value) {
            return element(NS, "GovngCtrct", value);
        }

        @XmlElementDecl(namespace = NS, name = "AckRcvr")
        @XmlIDREF
        JAXBElement<Object> createAckRcvr(Object value) {
            return element(NS, "AckRcvr", value);
        }

        @XmlElementDecl(namespace = NS, name = "AssoctdDoc")
        @XmlIDREF
        JAXBElement<Object> createAssoctdDoc(Object value) {
            return element(NS, "AssoctdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "FinDocRef")
        @XmlIDREF
        JAXBElement<Object> createFinDocRef(Object value) {
            return element(NS, "FinDocRef", value);
        }
    }

    @XmlRegistry
    static final class Tsin012 {
        static final String NS = "urn:iso:std:iso:20022:tech:xsd:tsin.012.001.01";

        @XmlElementDecl(namespace = NS, name = "RltdDoc")
        @XmlIDREF
        JAXBElement<Object> createRltdDoc(Object value) {
            return element(NS, "RltdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "RltdItm")
        @XmlIDREF
        JAXBElement<Object> createRltdItm(Object value) {
            return element(NS, "RltdItm", value);
        }

        @XmlElementDecl(namespace = NS, name = "GovngCtrct")
        @XmlIDREF
        JAXBElement<Object> createGovngCtrct(Object value) {
            return element(NS, "GovngCtrct", value);
        }

        @XmlElementDecl(namespace = NS, name = "AckRcvr")
        @XmlIDREF
        JAXBElement<Object> createAckRcvr(Object value) {
            return element(NS, "AckRcvr", value);
        }

        @XmlElementDecl(namespace = NS, name = "AssoctdDoc")
        @XmlIDREF
        JAXBElement<Object> createAssoctdDoc(Object value) {
            return element(NS, "AssoctdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "FinDocRef")
        @XmlIDREF
        JAXBElement<Object> createFinDocRef(Object value) {
            return element(NS, "FinDocRef", value);
        }
    }

    @XmlRegistry
    static final class Tsin013 {
        static final String NS = "urn:iso:std:iso:20022:tech:xsd:tsin.013.001.01";

        @XmlElementDecl(namespace = NS, name = "RltdDoc")
        @XmlIDREF
        JAXBElement<Object> createRltdDoc(Object value) {
            return element(NS, "RltdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "RltdItm")
        @XmlIDREF
        JAXBElement<Object> createRltdItm(Object value) {
            return element(NS, "RltdItm", value);
        }

        @XmlElementDecl(namespace = NS, name = "GovngCtrct")
        @XmlIDREF
        JAXBElement<Object> createGovngCtrct(Object value) {
            return element(NS, "GovngCtrct", value);
        }

        @XmlElementDecl(namespace = NS, name = "AckRcvr")
        @XmlIDREF
        JAXBElement<Object> createAckRcvr(Object value) {
            return element(NS, "AckRcvr", value);
        }

        @XmlElementDecl(namespace = NS, name = "AssoctdDoc")
        @XmlIDREF
        JAXBElement<Object> createAssoctdDoc(Object value) {
            return element(NS, "AssoctdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "FinDocRef")
        @XmlIDREF
        JAXBElement<Object> createFinDocRef(Object value) {
            return element(NS, "FinDocRef", value);
        }
    }

    @XmlRegistry
    static final class Tsmt053 {
        static final String NS = "urn:iso:std:iso:20022:tech:xsd:tsmt.053.001.01";

        @XmlElementDecl(namespace = NS, name = "RltdDoc")
        @XmlIDREF
        JAXBElement<Object> createRltdDoc(Object value) {
            return element(NS, "RltdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "RltdItm")
        @XmlIDREF
        JAXBElement<Object> createRltdItm(Object value) {
            return element(NS, "RltdItm", value);
        }

        @XmlElementDecl(namespace = NS, name = "GovngCtrct")
        @XmlIDREF
        JAXBElement<Object> createGovngCtrct(Object value) {
            return element(NS, "GovngCtrct", value);
        }

        @XmlElementDecl(namespace = NS, name = "AckRcvr")
        @XmlIDREF
        JAXBElement<Object> createAckRcvr(Object value) {
            return element(NS, "AckRcvr", value);
        }

        @XmlElementDecl(namespace = NS, name = "AssoctdDoc")
        @XmlIDREF
        JAXBElement<Object> createAssoctdDoc(Object value) {
            return element(NS, "AssoctdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "FinDocRef")
        @XmlIDREF
        JAXBElement<Object> createFinDocRef(Object value) {
            return element(NS, "FinDocRef", value);
        }
    }

    @XmlRegistry
    static final class Tsmt054 {
        static final String NS = "urn:iso:std:iso:20022:tech:xsd:tsmt.054.001.01";

        @XmlElementDecl(namespace = NS, name = "RltdDoc")
        @XmlIDREF
        JAXBElement<Object> createRltdDoc(Object value) {
            return element(NS, "RltdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "RltdItm")
        @XmlIDREF
        JAXBElement<Object> createRltdItm(Object value) {
            return element(NS, "RltdItm", value);
        }

        @XmlElementDecl(namespace = NS, name = "GovngCtrct")
        @XmlIDREF
        JAXBElement<Object> createGovngCtrct(Object value) {
            return element(NS, "GovngCtrct", value);
        }

        @XmlElementDecl(namespace = NS, name = "AckRcvr")
        @XmlIDREF
        JAXBElement<Object> createAckRcvr(Object value) {
            return element(NS, "AckRcvr", value);
        }

        @XmlElementDecl(namespace = NS, name = "AssoctdDoc")
        @XmlIDREF
        JAXBElement<Object> createAssoctdDoc(Object value) {
            return element(NS, "AssoctdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "FinDocRef")
        @XmlIDREF
        JAXBElement<Object> createFinDocRef(Object value) {
            return element(NS, "FinDocRef", value);
        }
    }
}
