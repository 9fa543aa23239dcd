package dev.bulkhead.platform.jobs;

import dev.bulkhead.platform.JobView;
import dev.bulkhead.platform.Jobs;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator's view and control of the paged jobs: progress, start (or resume) and stop. */
@RestController
@RequestMapping("/v1/admin/jobs")
class JobsController {

    private final Jobs jobs;

    JobsController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping
    List<JobView> all() {
        return jobs.views();
    }

    @GetMapping("/{name}")
    JobView one(@PathVariable String name) {
        return jobs.view(name);
    }

    /** Starts the job in the background, or resumes it from its checkpoint; 409 when it runs already. */
    @PostMapping("/{name}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobView start(@PathVariable String name) {
        return jobs.start(name);
    }

    /** The job stops after its current page, keeping its checkpoint. */
    @PostMapping("/{name}/stop")
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobView stop(@PathVariable String name) {
        return jobs.stop(name);
    }
}
