package dev.bulkhead.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The recorder goes blind loudly, not quietly, when the driver's trace changes its form. */
class SentStatementsTests {

    @Test
    void aParseMessageOfAnotherFormIsKeptAsUnreadableAndRecordsNothing() {
        try (SentStatements recording = SentStatements.record()) {
            Logger.getLogger(SentStatements.DRIVER_LOGGER).log(Level.FINEST, " FE=> Parse(name=S_1,sql=\"select 1\")");
            assertThat(recording.unreadable()).containsExactly(" FE=> Parse(name=S_1,sql=\"select 1\")");
            assertThat(recording.statements()).isEmpty();
        }
    }

    @Test
    void theDriversOtherMessagesAreNeitherRecordedNorUnreadable() {
        try (SentStatements recording = SentStatements.record()) {
            Logger.getLogger(SentStatements.DRIVER_LOGGER).log(Level.FINEST, " FE=> Bind(stmt=S_1,portal=null)");
            assertThat(recording.unreadable()).isEmpty();
            assertThat(recording.statements()).isEmpty();
        }
    }

    @Test
    void closingPutsTheDriversLoggerBackAsItWas() {
        Logger driver = Logger.getLogger(SentStatements.DRIVER_LOGGER);
        Level before = driver.getLevel();
        int handlers = driver.getHandlers().length;
        SentStatements.record().close();
        assertThat(driver.getLevel()).isEqualTo(before);
        assertThat(driver.getHandlers()).hasSize(handlers);
        assertThat(driver.getUseParentHandlers()).isTrue();
    }
}
