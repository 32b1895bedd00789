package io.kapok.codecs;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.BusinessAppHdrV02;
import com.prowidesoftware.swift.model.mx.MinimumEscapeHandler;
import com.prowidesoftware.swift.model.mx.MxReadConfiguration;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prowide (pw-iso20022), an independent library, as the test oracle: it writes messages from its
 * own model and parses them back. Prowide's default {@code parse} builds a JAXBContext on every
 * call; here each message type gets one context, built once, that also holds
 * {@link BusinessAppHdrV02} (without it Prowide drops the header), handed over through
 * {@link MxReadConfiguration}.
 */
public final class ProwideOracle {
    private ProwideOracle() {}

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
