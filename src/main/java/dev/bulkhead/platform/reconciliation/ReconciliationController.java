package dev.bulkhead.platform.reconciliation;

import dev.bulkhead.platform.JobView;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts every reconciliation now, in the background, and answers with their jobs; their progress and counts are at
 * {@code GET /v1/admin/jobs/{name}}.
 */
@RestController
class ReconciliationController {

    private final ReconciliationRunner runner;

    ReconciliationController(ReconciliationRunner runner) {
        this.runner = runner;
    }

    @PostMapping("/v1/admin/reconciliations")
    @ResponseStatus(HttpStatus.ACCEPTED)
    List<JobView> runNow() {
        return runner.startAll();
    }
}
