package io.kapok.gateway.http;

import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.admi.Admi002Encoder;
import io.kapok.codecs.pacs.Pacs002Encoder;
import io.kapok.codecs.pacs.Pacs008Decoder;
import io.kapok.codecs.pacs.Pacs008View;
import io.kapok.codecs.xml.Utf8XmlWriter;
import io.kapok.codecs.xml.XmlLimits;

/**
 * The decoders, encoders and scratch buffers of one event-loop thread, reused for every message
 * that thread handles. Never shared between threads.
 */
final class CodecContext {
    final Pacs008Decoder decoder;
    /** What the next pacs.008 is decoded into; handed to the ring with it, replaced by the slot's old one. */
    Pacs008View view = new Pacs008View();
    /** Every other message of the map (receivable financing), read when the pacs.008 decoder finds another namespace. */
    final io.kapok.codecs.stream.Iso20022Decoder messages;

    /** What the next other message is decoded into; handed over like {@link #view}. */
    io.kapok.codecs.stream.MessageView messageView = new io.kapok.codecs.stream.MessageView();
    /** The family answers (tsin.002 RCER, camt.029 RJCR, …) to what fails here, set by {@link CodecContexts}. */
    io.kapok.gateway.flow.FlowAnswers refusals;

    final DecodeVerdict verdict = new DecodeVerdict();
    final Pacs002Encoder pacs002 = new Pacs002Encoder();
    final Admi002Encoder admi002 = new Admi002Encoder();
    final Utf8XmlWriter writer = new Utf8XmlWriter(4096);
    final StringBuilder text = new StringBuilder(64);
    /** The journal's message digest engine (SM3 or SHA-256), reused for every message. */
    final org.bouncycastle.crypto.Digest messageDigest;
    /** H(body) of the message being handled. */
    final byte[] digest = new byte[io.kapok.gateway.journal.JournalDigest.LENGTH_BYTES];

    /** The body of the message being handled; handed to the ring with it, replaced by the slot's old buffer. */
    byte[] body = new byte[8192];

    CodecContext(XmlLimits limits, io.kapok.gateway.journal.JournalDigest digestAlgorithm) {
        this.decoder = new Pacs008Decoder(limits);
        this.messages = io.kapok.codecs.MessageMap.newDecoder(limits);
        this.messageDigest = digestAlgorithm.newDigest();
    }

    /** A scratch array of at least {@code length} bytes. */
    byte[] body(int length) {
        if (body.length < length) {
            body = new byte[Math.max(length, body.length * 2)];
        }
        return body;
    }
}
