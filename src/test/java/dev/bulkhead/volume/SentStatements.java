package dev.bulkhead.volume;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.lang.reflect.Proxy;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements the application sends to PostgreSQL while recording, exactly as the driver sends them: each distinct
 * text once for each method of {@code src/main/java} that sends it, with the types of its parameters. Read off the
 * driver's own trace of its Parse messages (pgjdbc logs each at FINEST before sending it), so it sees every path to
 * the database alike: Hibernate, {@code JdbcClient}, Spring Modulith's registry and the triggers' callers. Statements
 * that test code sends (the inspector's, a test's own fixtures) are left out: they are not the application's.
 *
 * <p>The driver sends a statement's text only until it keeps the statement prepared on that connection (its fifth
 * use there): record on connections that have not sent the statements yet, as a fresh application context has.
 *
 * <p>The trace is switched on for the recording only (it costs a log record per protocol message) and the driver's
 * other FINEST messages are dropped here, never printed.
 */
final class SentStatements implements AutoCloseable {

    /** The driver's class that writes the protocol messages, and the logger it writes them to. */
    static final String DRIVER_LOGGER = "org.postgresql.core.v3.QueryExecutorImpl";

    private static final Pattern PARSE = Pattern.compile("^ FE=> Parse\\(stmt=[^,]*,query=\"(.*)\",oids=\\{([0-9,]*)\\}\\)$",
            Pattern.DOTALL);
    private static final String APPLICATION_PACKAGE = "dev.bulkhead.";
    private static final Pattern LAMBDA = Pattern.compile("lambda\\$(\\w+?)\\$\\d+");
    /**
     * Frames that only carry a statement on its way: this recorder (the driver calls it), the application's guard of
     * each module's connections and the tests' own plumbing (a link that fails on purpose).
     */
    private static final List<String> PLUMBING = List.of(SentStatements.class.getName(),
            "dev.bulkhead.platform.database.GuardedConnection", "dev.bulkhead.testing.");

    /** One statement: its text with {@code $1…} for the parameters, their types' oids (0: left to the server). */
    record Sent(String sql, List<Integer> parameterTypes, String sender) {
    }

    // strong reference: java.util.logging holds its loggers weakly, and a collected one would lose the level set here
    private final Logger driver = Logger.getLogger(DRIVER_LOGGER);
    private final Level levelBefore;
    private final boolean parentHandlersBefore;
    private final Map<String, Sent> sent = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> unreadable = Collections.synchronizedList(new ArrayList<>());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            record(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private SentStatements() {
        levelBefore = driver.getLevel();
        parentHandlersBefore = driver.getUseParentHandlers();
        handler.setLevel(Level.ALL);
        driver.addHandler(handler);
        driver.setUseParentHandlers(false); // the rest of the trace would flood the test's log
        driver.setLevel(Level.FINEST);
    }

    /** Records from now until {@link #close()}. */
    static SentStatements record() {
        return new SentStatements();
    }

    /** Each distinct statement recorded so far, in the order first sent. */
    List<Sent> statements() {
        synchronized (sent) {
            return new ArrayList<>(sent.values());
        }
    }

    /** Parse messages whose form this recorder does not know: a driver upgrade changed it, and the recording is blind. */
    List<String> unreadable() {
        synchronized (unreadable) {
            return List.copyOf(unreadable);
        }
    }

    @Override
    public void close() {
        driver.setLevel(levelBefore);
        driver.setUseParentHandlers(parentHandlersBefore);
        driver.removeHandler(handler);
    }

    private void record(String message) {
        if (message == null || !message.startsWith(" FE=> Parse(")) {
            return;
        }
        Matcher parse = PARSE.matcher(message);
        if (!parse.matches()) {
            unreadable.add(message); // thrown here, it would fail the application's statement instead of the test
            return;
        }
        Optional<String> sender = applicationSender();
        if (sender.isEmpty()) {
            return;
        }
        List<Integer> types = new ArrayList<>();
        for (String oid : parse.group(2).split(",")) {
            if (!oid.isEmpty()) {
                types.add(Integer.valueOf(oid));
            }
        }
        String sql = parse.group(1);
        // per sender too: the list must name every method that sends a statement, not only the first one seen
        sent.putIfAbsent(sql + '\u0000' + types + '\u0000' + sender.get(), new Sent(sql, List.copyOf(types), sender.get()));
    }

    /**
     * The innermost Bulkhead method on the stack past the plumbing, when it is the application's (loaded from the
     * main classes, not the test classes); a thread with no Bulkhead frame at all is the framework's own (the
     * registry's retries, the schedulers' pools) and counts as the application too.
     */
    private static Optional<String> applicationSender() {
        Optional<StackWalker.StackFrame> innermost = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(frame -> frame.getClassName().startsWith(APPLICATION_PACKAGE)
                        && PLUMBING.stream().noneMatch(frame.getClassName()::startsWith)).findFirst());
        if (innermost.isEmpty()) {
            return Optional.of("(no Bulkhead frame: " + Thread.currentThread().getName() + ")");
        }
        Class<?> sender = innermost.get().getDeclaringClass();
        return isTestCode(sender) ? Optional.empty() : Optional.of(nameOf(sender) + "." + methodOf(innermost.get()));
    }

    /** A Spring Data repository is a proxy of its interface, defined in the interface's package: named for that. */
    private static String nameOf(Class<?> sender) {
        return Proxy.isProxyClass(sender) && sender.getInterfaces().length > 0 ? sender.getInterfaces()[0].getSimpleName()
                : sender.getSimpleName();
    }

    /** A lambda's frame ({@code lambda$prune$0}) named for the method that holds the lambda. */
    private static String methodOf(StackWalker.StackFrame frame) {
        Matcher lambda = LAMBDA.matcher(frame.getMethodName());
        return lambda.matches() ? lambda.group(1) : frame.getMethodName();
    }

    private static boolean isTestCode(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return false;
        }
        try {
            return Path.of(source.getLocation().toURI()).endsWith("test-classes");
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }
}
