package dev.bulkhead.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A JDBC URL cannot carry a login past the module's own: the driver would let it win. */
class JdbcUrlCredentialsTests {

    @Test
    void user_and_password_parameters_are_removed_and_the_others_kept() {
        assertThat(JdbcUrlCredentials.strip("jdbc:postgresql://db:5432/shop?user=postgres&ssl=true&PASSWORD=x"))
                .isEqualTo("jdbc:postgresql://db:5432/shop?ssl=true");
        assertThat(JdbcUrlCredentials.strip("jdbc:postgresql://db/shop?user=postgres")).isEqualTo("jdbc:postgresql://db/shop");
        assertThat(JdbcUrlCredentials.strip("jdbc:postgresql://db/shop")).isEqualTo("jdbc:postgresql://db/shop");
        assertThat(JdbcUrlCredentials.strip("jdbc:postgresql://db/shop?username_hint=a")).isEqualTo("jdbc:postgresql://db/shop?username_hint=a");
    }
}
