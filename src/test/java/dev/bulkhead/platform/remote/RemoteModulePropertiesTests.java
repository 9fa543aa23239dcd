package dev.bulkhead.platform.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.mock.env.MockEnvironment;

/** {@code bulkhead.remote.<module>.*}: the url key of ADR 0018, timeouts with their defaults, refused values named. */
class RemoteModulePropertiesTests {

    @Test
    void aModuleWithoutAnAddressIsNotRemote() {
        assertThat(RemoteModuleProperties.of("user", new MockEnvironment()
                .withProperty("bulkhead.remote.user.read-timeout", "1s"))).isEmpty();
    }

    @Test
    void theAddressAloneGetsTheDefaultTimeouts() {
        RemoteModuleProperties user = RemoteModuleProperties.of("user",
                new MockEnvironment().withProperty("bulkhead.remote.user.url", "http://monolith:8080")).orElseThrow();

        assertThat(user.url()).isEqualTo("http://monolith:8080");
        assertThat(user.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(user.readTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void timeoutsAreReadPerModuleInTheEnvironmentsSpelling() {
        MockEnvironment environment = new MockEnvironment().withProperty("bulkhead.remote.billing.url", "https://billing")
                .withProperty("bulkhead.remote.billing.connect-timeout", "250ms")
                .withProperty("bulkhead.remote.billing.read-timeout", "5s")
                .withProperty("bulkhead.remote.user.url", "http://monolith:8080");

        assertThat(RemoteModuleProperties.of("billing", environment).orElseThrow().readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(RemoteModuleProperties.of("billing", environment).orElseThrow().connectTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(RemoteModuleProperties.of("user", environment).orElseThrow().readTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void anAddressThatIsNoHttpUrlStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> RemoteModuleProperties.of("user",
                new MockEnvironment().withProperty("bulkhead.remote.user.url", "monolith:8080")))
                .isInstanceOf(BindException.class).hasMessageContaining("bulkhead.remote.user")
                .rootCause().hasMessageContaining("url").hasMessageContaining("http:// or https://");
    }

    @Test
    void aTimeoutOfZeroOrOfHoursIsRefused() {
        assertThatThrownBy(() -> RemoteModuleProperties.of("user", new MockEnvironment()
                .withProperty("bulkhead.remote.user.url", "http://monolith:8080")
                .withProperty("bulkhead.remote.user.read-timeout", "0s")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> RemoteModuleProperties.of("user", new MockEnvironment()
                .withProperty("bulkhead.remote.user.url", "http://monolith:8080")
                .withProperty("bulkhead.remote.user.connect-timeout", "2h")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("connectTimeout");
    }
}
