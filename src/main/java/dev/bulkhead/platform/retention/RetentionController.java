package dev.bulkhead.platform.retention;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The retained tables with what pruning did to them on this instance, and a pruning run on demand (ADR 0033). */
@RestController
@RequestMapping("/v1/admin/retention")
class RetentionController {

    private final RetentionJob job;

    RetentionController(RetentionJob job) {
        this.job = job;
    }

    @GetMapping
    List<TableStatus> list() {
        return job.status();
    }

    /** Prunes now, on this instance, and answers when done; 409 while another instance (or request) is pruning. */
    @PostMapping
    List<TableStatus> runNow() {
        if (!job.runExclusively()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "a pruning run is in progress on another instance (or another request); try again when it has ended");
            problem.setTitle("Pruning in progress");
            problem.setType(URI.create("about:blank"));
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        return job.status();
    }
}
