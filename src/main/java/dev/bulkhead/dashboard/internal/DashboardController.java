package dev.bulkhead.dashboard.internal;

import dev.bulkhead.dashboard.Dashboard;
import dev.bulkhead.platform.RejectedRequest;
import dev.bulkhead.user.UserId;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardController {

    private final DashboardComposer composer;

    DashboardController(DashboardComposer composer) {
        this.composer = composer;
    }

    /** 200 with whatever parts arrived in time; 404 only when the user module says there is no such user. */
    @GetMapping("/v1/dashboard/{userId}")
    Dashboard dashboard(@PathVariable UUID userId) {
        return composer.compose(new UserId(userId)).orElseThrow(() -> RejectedRequest.notFound("user", userId));
    }
}
