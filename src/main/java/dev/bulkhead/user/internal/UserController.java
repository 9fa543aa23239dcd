package dev.bulkhead.user.internal;

import dev.bulkhead.platform.RejectedRequest;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/users")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @PostMapping
    ResponseEntity<UserView> register(@Valid @RequestBody RegisterUser request) {
        UserView user = users.register(request.email(), request.name());
        return ResponseEntity.created(URI.create("/v1/users/" + user.id())).body(user);
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable UUID id) {
        return users.findById(new UserId(id)).orElseThrow(() -> RejectedRequest.notFound("user", id));
    }

    /**
     * The most ids one {@code GET ?ids=} names: they travel in the request line, which the server caps at a few
     * kilobytes; the published query takes more, in a body.
     */
    static final int MAX_IDS_PER_REQUEST = 100;

    /** Many users in one query: {@code ?ids=a,b,c}, at most {@value #MAX_IDS_PER_REQUEST}; unknown ids are left out. */
    @GetMapping(params = "ids")
    List<UserView> getMany(@RequestParam("ids") String ids) {
        return users.findAllById(parseIds(ids));
    }

    @PatchMapping("/{id}")
    UserView rename(@PathVariable UUID id, @Valid @RequestBody RenameUser request) {
        return users.rename(new UserId(id), request.name());
    }

    @PostMapping("/{id}/deactivate")
    UserView deactivate(@PathVariable UUID id) {
        return users.deactivate(new UserId(id));
    }

    private static List<UserId> parseIds(String raw) {
        String[] parts = raw.split(",", -1);
        if (raw.isBlank()) {
            throw RejectedRequest.badRequest("ids", "must list at least one user id");
        }
        if (parts.length > MAX_IDS_PER_REQUEST) {
            throw RejectedRequest.badRequest("ids", "at most " + MAX_IDS_PER_REQUEST + " ids per request, got " + parts.length);
        }
        Set<UserId> ids = new LinkedHashSet<>();
        for (String part : parts) {
            try {
                ids.add(new UserId(UUID.fromString(part.trim())));
            } catch (IllegalArgumentException malformed) {
                throw RejectedRequest.badRequest("ids", "'" + abbreviate(part) + "' is not a user id (UUID)");
            }
        }
        return new ArrayList<>(ids);
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    record RegisterUser(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String name) {
    }

    record RenameUser(@NotBlank @Size(max = 200) String name) {
    }
}
