package dev.bulkhead.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import dev.bulkhead.architecture.ModuleSqlGuardConfiguration;

/**
 * The whole application with MockMvc, on a fresh real PostgreSQL database shared by every test
 * class using it, with every SQL statement checked against its module's schema (rule R8).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestDatabaseConfiguration.class, ModuleSqlGuardConfiguration.class })
public @interface IntegrationTest {
}
