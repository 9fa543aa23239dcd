package dev.bulkhead.platform.reconciliation;

import dev.bulkhead.platform.Reconciliation;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs every reconciliation now and answers with the counts. */
@RestController
class ReconciliationController {

    private final ReconciliationRunner runner;

    ReconciliationController(ReconciliationRunner runner) {
        this.runner = runner;
    }

    @PostMapping("/v1/admin/reconciliations")
    List<Reconciliation.Report> runNow() {
        return runner.runAll();
    }
}
