package io.kapok.codecs.tsin;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.annotation.XmlElementDecl;
import jakarta.xml.bind.annotation.XmlIDREF;
import jakarta.xml.bind.annotation.XmlRegistry;
import javax.xml.namespace.QName;

/**
 * The element declarations Prowide's business letter models (tsin.006, tsin.009, tsin.013,
 * tsmt.053) refer to with {@code @XmlElementRef} but never declare: six IDREF elements per message
 * ({@code FinDocRef}, {@code AssoctdDoc}, {@code RltdItm}, {@code GovngCtrct}, {@code RltdDoc},
 * {@code AckRcvr}). Without them stock Prowide cannot build a JAXB context for these messages, so
 * it can neither read nor write them; the test oracle registers the nested registry of the message
 * in its contexts. One registry per message: a context that knows several namespaces makes Prowide
 * declare them all under one prefix, which is not XML.
 */
final class UndeclaredIdrefElements {
    private UndeclaredIdrefElements() {}

    static JAXBElement<Object> element(String namespace, String name, Object value) {
        return new JAXBElement<>(new QName(namespace, name), Object.class, value);
    }

    /** The six elements in the {@code tsin.006.001.01} namespace. */
    @XmlRegistry
    static class Tsin006 {
        static final String NS = "urn:iso:std:iso:20022:tech:xsd:tsin.006.001.01";

        @XmlElementDecl(namespace = NS, name = "FinDocRef")
        @XmlIDREF
        public JAXBElement<Object> finDocRef(Object value) {
            return element(NS, "FinDocRef", value);
        }

        @XmlElementDecl(namespace = NS, name = "AssoctdDoc")
        @XmlIDREF
        public JAXBElement<Object> assoctdDoc(Object value) {
            return element(NS, "AssoctdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "RltdItm")
        @XmlIDREF
        public JAXBElement<Object> rltdItm(Object value) {
            return element(NS, "RltdItm", value);
        }

        @XmlElementDecl(namespace = NS, name = "GovngCtrct")
        @XmlIDREF
        public JAXBElement<Object> govngCtrct(Object value) {
            return element(NS, "GovngCtrct", value);
        }

        @XmlElementDecl(namespace = NS, name = "RltdDoc")
        @XmlIDREF
        public JAXBElement<Object> rltdDoc(Object value) {
            return element(NS, "RltdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "AckRcvr")
        @XmlIDREF
        public JAXBElement<Object> ackRcvr(Object value) {
            return element(NS, "AckRcvr", value);
        }
    }

    /** The six elements in the {@code tsin.013.001.01} namespace. */
    @XmlRegistry
    static class Tsin013 {
        static final String NS = "urn:iso:std:iso:20022:tech:xsd:tsin.013.001.01";

        @XmlElementDecl(namespace = NS, name = "FinDocRef")
        @XmlIDREF
        public JAXBElement<Object> finDocRef(Object value) {
            return element(NS, "FinDocRef", value);
        }

        @XmlElementDecl(namespace = NS, name = "AssoctdDoc")
        @XmlIDREF
        public JAXBElement<Object> assoctdDoc(Object value) {
            return element(NS, "AssoctdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "RltdItm")
        @XmlIDREF
        public JAXBElement<Object> rltdItm(Object value) {
            return element(NS, "RltdItm", value);
        }

        @XmlElementDecl(namespace = NS, name = "GovngCtrct")
        @XmlIDREF
        public JAXBElement<Object> govngCtrct(Object value) {
            return element(NS, "GovngCtrct", value);
        }

        @XmlElementDecl(namespace = NS, name = "RltdDoc")
        @XmlIDREF
        public JAXBElement<Object> rltdDoc(Object value) {
            return element(NS, "RltdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "AckRcvr")
        @XmlIDREF
        public JAXBElement<Object> ackRcvr(Object value) {
            return element(NS, "AckRcvr", value);
        }
    }

    /** The six elements in the {@code tsin.009.001.01} namespace. */
    @XmlRegistry
    static class Tsin009 {
        static final String NS = "urn:iso:std:iso:20022:tech:xsd:tsin.009.001.01";

        @XmlElementDecl(namespace = NS, name = "FinDocRef")
        @XmlIDREF
        public JAXBElement<Object> finDocRef(Object value) {
            return element(NS, "FinDocRef", value);
        }

        @XmlElementDecl(namespace = NS, name = "AssoctdDoc")
        @XmlIDREF
        public JAXBElement<Object> assoctdDoc(Object value) {
            return element(NS, "AssoctdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "RltdItm")
        @XmlIDREF
        public JAXBElement<Object> rltdItm(Object value) {
            return element(NS, "RltdItm", value);
        }

        @XmlElementDecl(namespace = NS, name = "GovngCtrct")
        @XmlIDREF
        public JAXBElement<Object> govngCtrct(Object value) {
            return element(NS, "GovngCtrct", value);
        }

        @XmlElementDecl(namespace = NS, name = "RltdDoc")
        @XmlIDREF
        public JAXBElement<Object> rltdDoc(Object value) {
            return element(NS, "RltdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "AckRcvr")
        @XmlIDREF
        public JAXBElement<Object> ackRcvr(Object value) {
            return element(NS, "AckRcvr", value);
        }
    }

    /** The six elements in the {@code tsmt.053.001.01} namespace. */
    @XmlRegistry
    static class Tsmt053 {
        static final String NS = "urn:iso:std:iso:20022:tech:xsd:tsmt.053.001.01";

        @XmlElementDecl(namespace = NS, name = "FinDocRef")
        @XmlIDREF
        public JAXBElement<Object> finDocRef(Object value) {
            return element(NS, "FinDocRef", value);
        }

        @XmlElementDecl(namespace = NS, name = "AssoctdDoc")
        @XmlIDREF
        public JAXBElement<Object> assoctdDoc(Object value) {
            return element(NS, "AssoctdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "RltdItm")
        @XmlIDREF
        public JAXBElement<Object> rltdItm(Object value) {
            return element(NS, "RltdItm", value);
        }

        @XmlElementDecl(namespace = NS, name = "GovngCtrct")
        @XmlIDREF
        public JAXBElement<Object> govngCtrct(Object value) {
            return element(NS, "GovngCtrct", value);
        }

        @XmlElementDecl(namespace = NS, name = "RltdDoc")
        @XmlIDREF
        public JAXBElement<Object> rltdDoc(Object value) {
            return element(NS, "RltdDoc", value);
        }

        @XmlElementDecl(namespace = NS, name = "AckRcvr")
        @XmlIDREF
        public JAXBElement<Object> ackRcvr(Object value) {
            return element(NS, "AckRcvr", value);
        }
    }
}
