package io.kapok.codecs.tsin;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.annotation.XmlElementDecl;
import jakarta.xml.bind.annotation.XmlIDREF;
import jakarta.xml.bind.annotation.XmlRegistry;
import javax.xml.namespace.QName;

/**
 * The element declarations Prowide's tsin.006 model refers to ({@code @XmlElementRef}) but does
 * not declare: six IDREF elements of the business letter family. Registered in the test oracle's
 * JAXB context, without which stock Prowide cannot build a context for tsin.006 at all.
 */
@XmlRegistry
public class Tsin006References {
    static final String NS = "urn:iso:std:iso:20022:tech:xsd:tsin.006.001.01";

    @XmlElementDecl(namespace = NS, name = "FinDocRef")
    @XmlIDREF
    public JAXBElement<Object> finDocRef(Object value) {
        return element("FinDocRef", value);
    }

    @XmlElementDecl(namespace = NS, name = "AssoctdDoc")
    @XmlIDREF
    public JAXBElement<Object> assoctdDoc(Object value) {
        return element("AssoctdDoc", value);
    }

    @XmlElementDecl(namespace = NS, name = "RltdItm")
    @XmlIDREF
    public JAXBElement<Object> rltdItm(Object value) {
        return element("RltdItm", value);
    }

    @XmlElementDecl(namespace = NS, name = "GovngCtrct")
    @XmlIDREF
    public JAXBElement<Object> govngCtrct(Object value) {
        return element("GovngCtrct", value);
    }

    @XmlElementDecl(namespace = NS, name = "RltdDoc")
    @XmlIDREF
    public JAXBElement<Object> rltdDoc(Object value) {
        return element("RltdDoc", value);
    }

    @XmlElementDecl(namespace = NS, name = "AckRcvr")
    @XmlIDREF
    public JAXBElement<Object> ackRcvr(Object value) {
        return element("AckRcvr", value);
    }

    private static JAXBElement<Object> element(String name, Object value) {
        return new JAXBElement<>(new QName(NS, name), Object.class, value);
    }
}
