package dev.bulkhead.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy in the test's own JVM, between the application and a server (PostgreSQL, RabbitMQ), that a test
 * breaks on purpose: no Docker, no root, no packet filter. The application is given {@link #host()}:{@link #port()}
 * instead of the server's address; every byte then goes through two threads per connection, one each way, which
 * forward it, hold it or drop the connection as the link's state says:
 * <ul>
 * <li>{@link #cut()}: every connection is reset and new ones are closed as soon as they arrive, as when the server
 * restarts or the network between them goes away;</li>
 * <li>{@link #stall()}: connections are accepted but nothing is forwarded either way, as behind a hung network;</li>
 * <li>{@link #slow(Duration)}: each chunk is forwarded after the given delay, in both directions;</li>
 * <li>{@link #reset()}: the connections open now are reset, new ones work (a server that killed its sessions);</li>
 * <li>{@link #restore()}: back to forwarding at full speed.</li>
 * </ul>
 * Loopback only: it listens on 127.0.0.1 and forwards to the address it was given.
 */
public final class FaultyLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaultyLink.class);
    private static final AtomicInteger LINKS = new AtomicInteger();

    private enum Mode { FORWARD, CUT, STALL, SLOW }

    private final String name;
    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Object modeChanged = new Object();
    private volatile Mode mode = Mode.FORWARD;
    private volatile Duration delay = Duration.ZERO;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    private FaultyLink(String name, String targetHost, int targetPort) throws IOException {
        this.name = name;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAll, "faulty-link-" + name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A link to {@code host:port}, forwarding until told otherwise. */
    public static FaultyLink to(String name, String host, int port) {
        try {
            FaultyLink link = new FaultyLink(name + "-" + LINKS.incrementAndGet(), host, port);
            log.info("Faulty link {} on 127.0.0.1:{} forwards to {}:{}", link.name, link.port(), host, port);
            return link;
        } catch (IOException e) {
            throw new IllegalStateException("could not open a faulty link to " + host + ":" + port, e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Resets every connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        setMode(Mode.CUT, Duration.ZERO);
        resetAll();
        log.info("Faulty link {}: cut", name);
    }

    /** Accepts connections but forwards nothing, either way, until {@link #restore()}. */
    public void stall() {
        setMode(Mode.STALL, Duration.ZERO);
        log.info("Faulty link {}: stalled", name);
    }

    /** Forwards each chunk, either way, after {@code delayPerChunk}, until {@link #restore()}. */
    public void slow(Duration delayPerChunk) {
        setMode(Mode.SLOW, delayPerChunk);
        log.info("Faulty link {}: slowed by {} per chunk", name, delayPerChunk);
    }

    /** Resets the connections open now; new ones are forwarded as the link's state says. */
    public void reset() {
        resetAll();
        log.info("Faulty link {}: connections reset", name);
    }

    /** Forwards everything at full speed again. */
    public void restore() {
        setMode(Mode.FORWARD, Duration.ZERO);
        log.info("Faulty link {}: restored", name);
    }

    /** Connections open through the link now. */
    public int openConnections() {
        return connections.size();
    }

    /** Connections refused while the link was cut. */
    public int refusedConnections() {
        return refused.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        resetAll();
    }

    private void setMode(Mode newMode, Duration newDelay) {
        synchronized (modeChanged) {
            delay = newDelay;
            mode = newMode;
            modeChanged.notifyAll();
        }
    }

    private void resetAll() {
        for (Connection connection : connections) {
            connection.reset();
        }
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (mode == Mode.CUT) {
                refused.incrementAndGet();
                Connection.resetQuietly(client);
                continue;
            }
            try {
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
                Connection connection = new Connection(client, upstream);
                connections.add(connection);
                accepted.incrementAndGet();
                connection.start();
            } catch (IOException e) {
                Connection.resetQuietly(client);
            }
        }
    }

    /** Waits while the link forwards nothing; then sleeps the delay of a slow link. @return false when cut */
    private boolean awaitForwarding() throws InterruptedException {
        Duration wait;
        synchronized (modeChanged) {
            while (mode == Mode.STALL) {
                modeChanged.wait();
            }
            if (mode == Mode.CUT) {
                return false;
            }
            wait = mode == Mode.SLOW ? delay : Duration.ZERO;
        }
        if (!wait.isZero()) {
            Thread.sleep(wait.toMillis());
        }
        return mode != Mode.CUT;
    }

    private final class Connection {

        private final Socket client;
        private final Socket upstream;

        Connection(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() throws IOException {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            pump(client, upstream, "up");
            pump(upstream, client, "down");
        }

        private void pump(Socket from, Socket to, String direction) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int read;
                    while ((read = in.read(buffer)) >= 0) {
                        if (!awaitForwarding()) {
                            break;
                        }
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // the other side or the link closed it
                } finally {
                    reset();
                }
            }, "faulty-link-" + name + "-" + direction);
            thread.setDaemon(true);
            thread.start();
        }

        void reset() {
            connections.remove(this);
            resetQuietly(client);
            resetQuietly(upstream);
        }

        /** Closes with a TCP reset, as a dropped connection looks to the peer, rather than an orderly close. */
        static void resetQuietly(Socket socket) {
            try {
                socket.setSoLinger(true, 0);
            } catch (SocketException ignored) {
                // already closed
            }
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
