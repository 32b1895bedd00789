package io.kapok.gateway.fx;

import quickfix.FixVersions;
import quickfix.SLF4JLogFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

/** The QuickFIX/J session settings the feed and the simulator share. */
final class FixSessions {
    private FixSessions() {}

    /**
     * FIX 4.4 validated against QuickFIX/J's FIX44.xml, a session that never ends (the rates run
     * around the clock), sequence numbers reset at every logon (nothing is resent: a rate is only
     * worth its latest value, and the subscription is made again), and the session log on SLF4J with
     * the messages under {@code quickfixj.msg} and no heartbeats.
     */
    static void common(SessionSettings settings, SessionID session) {
        settings.setString(session, "BeginString", FixVersions.BEGINSTRING_FIX44);
        settings.setBool(session, "NonStopSession", true);
        settings.setBool(session, "UseDataDictionary", true);
        settings.setString(session, "DataDictionary", "FIX44.xml");
        settings.setBool(session, "ResetOnLogon", true);
        settings.setBool(session, "ResetOnLogout", true);
        settings.setBool(session, "ResetOnDisconnect", true);
        settings.setBool(session, "SocketReuseAddress", true); // a restarted simulator gets its port back
        settings.setString(session, SLF4JLogFactory.SETTING_EVENT_CATEGORY, "quickfixj.event");
        settings.setString(session, SLF4JLogFactory.SETTING_INMSG_CATEGORY, "quickfixj.msg.incoming");
        settings.setString(session, SLF4JLogFactory.SETTING_OUTMSG_CATEGORY, "quickfixj.msg.outgoing");
        settings.setBool(session, SLF4JLogFactory.SETTING_LOG_HEARTBEATS, false);
    }
}
