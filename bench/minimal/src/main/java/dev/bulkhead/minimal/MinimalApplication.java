package dev.bulkhead.minimal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The start-up floor for Bulkhead: the same starters, one entity per module, no business code.
 * What Bulkhead takes longer than this to start is what its own code costs.
 */
@SpringBootApplication
public class MinimalApplication {

    public static void main(String[] args) {
        SpringApplication.run(MinimalApplication.class, args);
    }
}
