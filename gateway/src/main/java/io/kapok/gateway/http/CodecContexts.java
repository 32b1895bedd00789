package io.kapok.gateway.http;

import io.kapok.codecs.xml.XmlLimits;
import io.netty.util.concurrent.FastThreadLocal;

/** One {@link CodecContext} per event-loop thread. */
public final class CodecContexts {
    private final FastThreadLocal<CodecContext> perThread;

    public CodecContexts(XmlLimits limits) {
        this.perThread = new FastThreadLocal<>() {
            @Override
            protected CodecContext initialValue() {
                return new CodecContext(limits);
            }
        };
    }

    CodecContext get() {
        return perThread.get();
    }
}
