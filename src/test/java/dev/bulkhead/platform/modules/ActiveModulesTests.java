package dev.bulkhead.platform.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ActiveModulesTests {

    @Test
    void noListMeansTheMonolithHostingEveryModule() {
        ActiveModules modules = ActiveModules.parse(" ");
        assertThat(modules.monolith()).isTrue();
        assertThat(modules.hostsClass("dev.bulkhead.order.internal.OrderService")).isTrue();
    }

    @Test
    void aListHostsItsModulesAndTheSharedOnesButNoOther() {
        ActiveModules modules = ActiveModules.parse("billing");
        assertThat(modules.hostsClass("dev.bulkhead.billing.internal.PaymentProcessor")).isTrue();
        assertThat(modules.hostsClass("dev.bulkhead.platform.ClusterLock")).isTrue();
        assertThat(modules.hostsClass("dev.bulkhead.kernel.Money")).isTrue();
        assertThat(modules.hostsClass("org.springframework.context.ApplicationContext")).isTrue();
        assertThat(modules.hostsClass("dev.bulkhead.order.internal.OrderService")).isFalse();
        assertThat(modules.hostsSchemaOwner("events")).isTrue();
        assertThat(modules.hostsSchemaOwner("user")).isFalse();
    }

    @Test
    void aNameThatIsNoModuleStopsStartUpInsteadOfHostingNothing() {
        assertThatIllegalArgumentException().isThrownBy(() -> ActiveModules.parse("billing,biling"))
                .withMessageContaining("'biling'");
        assertThatIllegalArgumentException().isThrownBy(() -> ActiveModules.parse("platform"));
    }
}
