package org.strata.server.identity;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import org.strata.server.access.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@RequestMapping("/api/v1/merges")
@Tag(name = "Identity resolution", description = "Merges of customers that share a phone, email or id, and their undo")
class MergeController {

    private final MergeService merges;

    MergeController(MergeService merges) {
        this.merges = merges;
    }

    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/{id}")
    @Operation(summary = "One merge: survivor, absorbed customer, the key that linked them, when and by what")
    @ApiResponse(responseCode = "404", description = "no merge with this id")
    MergeRecord merge(@PathVariable long id) {
        return merges.find(id).forCaller();
    }

    @Access(value = Permission.MERGE, customerScoped = true, audit = "merge.undo")
    @PostMapping("/{id}/undo")
    @Operation(summary = "Undo a merge", description = "Restores the absorbed customer with the identifiers, orders "
            + "and events it brought (and those of customers merged into it before). The two customers are kept "
            + "apart from then on: importing the same records again does not merge them again.")
    @ApiResponse(responseCode = "404", description = "no merge with this id")
    @ApiResponse(responseCode = "409", description = "the merge was already undone")
    MergeRecord undo(@PathVariable long id) {
        return merges.undo(id, CurrentUser.name()).forCaller();
    }

    @ExceptionHandler
    ProblemDetail notFound(MergeNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Merge not found", e);
    }

    @ExceptionHandler
    ProblemDetail alreadyUndone(MergeAlreadyUndoneException e) {
        return problem(HttpStatus.CONFLICT, "Merge already undone", e);
    }

    private static ProblemDetail problem(HttpStatus status, String title, RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(title);
        problem.setType(URI.create("https://strata.dev/problems/" + title.toLowerCase().replace(' ', '-')));
        return problem;
    }
}
