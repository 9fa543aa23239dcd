package dev.bulkhead.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault-injection proxy does what each fault promises, against an echo server of the test's own. */
class FaultyLinkTests {

    private ServerSocket echo;
    private FaultyLink link;

    @BeforeEach
    void echoServerBehindALink() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket client = echo.accept();
                    Thread connection = new Thread(() -> {
                        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException ignored) {
                            // the link reset it
                        }
                    });
                    connection.setDaemon(true);
                    connection.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
        link = FaultyLink.to("echo", "127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void close() throws IOException {
        link.close();
        echo.close();
    }

    @Test
    void forwards_both_ways() throws IOException {
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "hello")).isEqualTo("hello");
            assertThat(link.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void cut_resets_open_connections_and_refuses_new_ones_until_restored() throws IOException {
        Socket open = connect();
        assertThat(roundTrip(open, "before")).isEqualTo("before");

        link.cut();
        assertThatThrownBy(() -> roundTrip(open, "during")).isInstanceOf(IOException.class);
        try (Socket refused = connect()) {
            assertThatThrownBy(() -> roundTrip(refused, "during")).isInstanceOf(IOException.class);
        }
        assertThat(link.refusedConnections()).isPositive();

        link.restore();
        try (Socket again = connect()) {
            assertThat(roundTrip(again, "after")).isEqualTo("after");
        }
    }

    @Test
    void stall_holds_every_byte_until_restored() throws IOException {
        try (Socket socket = connect()) {
            link.stall();
            socket.getOutputStream().write("held".getBytes());
            socket.setSoTimeout(500);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

            link.restore();
            socket.setSoTimeout(2_000);
            assertThat(new String(socket.getInputStream().readNBytes(4))).isEqualTo("held");
        }
    }

    @Test
    void slow_delays_each_chunk_each_way() throws IOException {
        try (Socket socket = connect()) {
            link.slow(Duration.ofMillis(300));
            long started = System.nanoTime();
            assertThat(roundTrip(socket, "late")).isEqualTo("late");
            assertThat((System.nanoTime() - started) / 1_000_000).as("one chunk up, one down").isGreaterThanOrEqualTo(600);
        }
    }

    @Test
    void reset_drops_the_open_connections_but_accepts_new_ones() throws IOException {
        Socket open = connect();
        assertThat(roundTrip(open, "before")).isEqualTo("before");

        link.reset();
        assertThatThrownBy(() -> roundTrip(open, "after")).isInstanceOf(IOException.class);
        try (Socket fresh = connect()) {
            assertThat(roundTrip(fresh, "fresh")).isEqualTo("fresh");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(link.host(), link.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** Sends {@code text} and reads as many bytes back; fails when the connection was reset or closed. */
    private static String roundTrip(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes());
        socket.getOutputStream().flush();
        byte[] answer = socket.getInputStream().readNBytes(text.length());
        if (answer.length < text.length()) {
            throw new IOException("connection closed after " + answer.length + " bytes");
        }
        return new String(answer);
    }
}
