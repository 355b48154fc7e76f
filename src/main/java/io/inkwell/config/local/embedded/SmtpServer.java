package io.inkwell.config.local.embedded;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.jboss.logging.Logger;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) that accepts every mail and keeps it in memory, for dev mode and
 * tests. What it received is published as the JMX bean {@code io.inkwell.dev:type=Mailbox,port=<port>}
 * (JSON per mail): the dev page and tests read it there, whichever class loader they live in.
 * Tests can stop and restart it on the same port to play an SMTP outage.
 */
public final class SmtpServer {

    private static final Logger LOG = Logger.getLogger(SmtpServer.class);

    /** What the JMX bean offers: one JSON object per mail, oldest first. */
    public interface MailboxMXBean {
        List<String> getMails();
    }

    private final int port;
    private final List<String> fromEarlierRuns = new CopyOnWriteArrayList<>();
    private GreenMail greenMail;

    private SmtpServer(int port) {
        this.port = port;
    }

    public static SmtpServer start(int port) {
        SmtpServer server = new SmtpServer(port);
        server.restart();
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(
                    new StandardMBean(server.mailbox(), MailboxMXBean.class, true), objectName(port));
        } catch (JMException e) {
            throw new IllegalStateException("Could not publish the mailbox of the SMTP server on port " + port, e);
        }
        LOG.infof("Started embedded SMTP server (GreenMail) at 127.0.0.1:%d; mails received: /dev/mails in dev mode", port);
        return server;
    }

    public static ObjectName objectName(int port) {
        try {
            return new ObjectName("io.inkwell.dev:type=Mailbox,port=" + port);
        } catch (JMException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Refuses connections from now on; what was received stays readable. */
    public synchronized void stop() {
        if (greenMail != null) {
            fromEarlierRuns.addAll(mailsOf(greenMail));
            greenMail.stop();
            greenMail = null;
        }
    }

    /** Accepts mail again, on the same port. */
    public synchronized void restart() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            greenMail.start();
        }
    }

    private MailboxMXBean mailbox() {
        return () -> {
            List<String> mails = new ArrayList<>(fromEarlierRuns);
            synchronized (this) {
                if (greenMail != null) {
                    mails.addAll(mailsOf(greenMail));
                }
            }
            return mails;
        };
    }

    /** Parsed with this class's loader as context: Jakarta Mail finds its providers through it, whoever asks. */
    private static List<String> mailsOf(GreenMail greenMail) {
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        thread.setContextClassLoader(SmtpServer.class.getClassLoader());
        try {
            List<String> mails = new ArrayList<>();
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                mails.add(ReceivedMail.toJson(message));
            }
            return mails;
        } finally {
            thread.setContextClassLoader(caller);
        }
    }
}
