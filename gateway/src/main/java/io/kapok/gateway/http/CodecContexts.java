package io.kapok.gateway.http;

import io.kapok.codecs.xml.XmlLimits;
import io.netty.util.concurrent.FastThreadLocal;

/** One {@link CodecContext} per event-loop thread. */
public final class CodecContexts {
    private final FastThreadLocal<CodecContext> perThread;

    /** @param digestAlgorithm the journal's digest, applied to each message on its event loop */
    public CodecContexts(XmlLimits limits, io.kapok.gateway.journal.JournalDigest digestAlgorithm) {
        this.perThread = new FastThreadLocal<>() {
            @Override
            protected CodecContext initialValue() {
                return new CodecContext(limits, digestAlgorithm);
            }
        };
    }

    CodecContext get() {
        return perThread.get();
    }
}
