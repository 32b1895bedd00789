package io.kapok.codecs.xml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import javax.xml.stream.XMLInputFactory;
import org.codehaus.stax2.XMLInputFactory2;

/**
 * Builds the one kind of StAX factory Kapok reads untrusted XML with: Woodstox, namespace-aware,
 * coalescing, with DTDs and every external or internal entity turned off (no XXE, no billion
 * laughs) and with the {@link XmlLimits} enforced by the parser itself.
 *
 * <p>A factory is thread-safe once configured; share one per decoder configuration.
 */
public final class HardenedXmlInputFactory {
    private HardenedXmlInputFactory() {}

    public static XMLInputFactory2 create(XmlLimits limits) {
        WstxInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, Boolean.FALSE);
        factory.setProperty(XMLInputFactory2.P_INTERN_NAMES, Boolean.TRUE);
        factory.setProperty(XMLInputFactory2.P_INTERN_NS_URIS, Boolean.TRUE);
        factory.setProperty(XMLInputFactory2.P_REPORT_PROLOG_WHITESPACE, Boolean.FALSE);
        factory.setProperty(XMLInputFactory2.P_PRESERVE_LOCATION, Boolean.FALSE);
        factory.setProperty(XMLInputFactory2.P_AUTO_CLOSE_INPUT, Boolean.TRUE);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, limits.depthMax());
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, (long) limits.elementCountMax());
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, limits.attributeCountMax());
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, limits.textLengthMax());
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, (long) limits.textLengthMax());
        return factory;
    }
}
