package dev.bulkhead.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.SpringApplication;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * The real RabbitMQ the broker tests use, chosen once per JVM in this order:
 * <ol>
 * <li>a broker named by the environment: {@code BULKHEAD_TEST_AMQP_URI}
 * ({@code amqp://user:password@host:port/vhost}), or {@code SPRING_RABBITMQ_HOST} with
 * {@code _PORT}, {@code _USERNAME}, {@code _PASSWORD}, {@code _VIRTUAL_HOST};</li>
 * <li>a Testcontainers RabbitMQ when a Docker engine answers;</li>
 * <li>the local broker on 127.0.0.1:5672 (guest/guest) when it answers, as on CI machines.</li>
 * </ol>
 * Without any of them the broker tests fail with this explanation: they are never skipped. An
 * embedded AMQP 0-9-1 broker in-process (Qpid Broker-J) is not among them yet (ADR 0017).
 */
public final class TestBroker {

    private static final Logger log = LoggerFactory.getLogger(TestBroker.class);
    private static Coordinates broker;

    private TestBroker() {
    }

    public record Coordinates(String host, int port, String username, String password, String virtualHost, String source) {

        /** Spring Boot's connection properties for an application under test. */
        public Map<String, Object> springProperties() {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("spring.rabbitmq.host", host);
            properties.put("spring.rabbitmq.port", port);
            properties.put("spring.rabbitmq.username", username);
            properties.put("spring.rabbitmq.password", password);
            properties.put("spring.rabbitmq.virtual-host", virtualHost);
            return properties;
        }

        /** A connection of the test's own, to send forged messages and read dead letters. */
        public CachingConnectionFactory connectionFactory() {
            CachingConnectionFactory factory = new CachingConnectionFactory(host, port);
            factory.setUsername(username);
            factory.setPassword(password);
            factory.setVirtualHost(virtualHost);
            return factory;
        }
    }

    public static synchronized Coordinates get() {
        if (broker == null) {
            broker = find();
            log.info("Broker tests use the RabbitMQ at {}:{} ({})", broker.host(), broker.port(), broker.source());
        }
        return broker;
    }

    private static Coordinates find() {
        String uri = System.getenv("BULKHEAD_TEST_AMQP_URI");
        if (uri != null && !uri.isBlank()) {
            return fromUri(URI.create(uri));
        }
        String host = System.getenv("SPRING_RABBITMQ_HOST");
        if (host != null && !host.isBlank()) {
            return new Coordinates(host, Integer.parseInt(envOr("SPRING_RABBITMQ_PORT", "5672")),
                    envOr("SPRING_RABBITMQ_USERNAME", "guest"), envOr("SPRING_RABBITMQ_PASSWORD", "guest"),
                    envOr("SPRING_RABBITMQ_VIRTUAL_HOST", "/"), "explicit (SPRING_RABBITMQ_HOST)");
        }
        if (dockerAvailable()) {
            RabbitMQContainer container = new RabbitMQContainer("rabbitmq:4-alpine");
            container.start();
            SpringApplication.getShutdownHandlers().add(container::stop);
            return new Coordinates(container.getHost(), container.getAmqpPort(), container.getAdminUsername(),
                    container.getAdminPassword(), "/", "testcontainers");
        }
        if (answers("127.0.0.1", 5672)) {
            return new Coordinates("127.0.0.1", 5672, "guest", "guest", "/", "local broker on 127.0.0.1:5672");
        }
        throw new IllegalStateException("The broker tests need RabbitMQ: set BULKHEAD_TEST_AMQP_URI "
                + "(amqp://user:password@host:5672/vhost) or SPRING_RABBITMQ_HOST, start Docker, or run a broker on 127.0.0.1:5672");
    }

    private static Coordinates fromUri(URI uri) {
        String[] user = uri.getUserInfo() == null ? new String[] { "guest", "guest" } : uri.getUserInfo().split(":", 2);
        String path = uri.getPath() == null || uri.getPath().length() <= 1 ? "/"
                : URLDecoder.decode(uri.getPath().substring(1), StandardCharsets.UTF_8);
        return new Coordinates(uri.getHost(), uri.getPort() < 0 ? 5672 : uri.getPort(), user[0],
                user.length > 1 ? user[1] : "", path, "explicit (BULKHEAD_TEST_AMQP_URI)");
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        boolean hint = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        if (!hint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
