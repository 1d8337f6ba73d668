package org.strata.server.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.NoSuchElementException;

@RestController
@Tag(name = "Personal data", description = "Erasure requests under PIPL")
class ErasureController {

    private final PersonalDataErasure erasure;
    private final AuditLog audit;

    ErasureController(PersonalDataErasure erasure, AuditLog audit) {
        this.erasure = erasure;
        this.audit = audit;
    }

    @PostMapping("/api/v1/customers/{id}/erasure")
    @Access(value = Permission.ERASE_PERSONAL_DATA, customerScoped = true)
    @Operation(summary = "Erase a customer's personal data everywhere it is stored; keeps anonymous figures. "
            + "Cannot be undone; audited")
    PersonalDataErasure.Erasure erase(@PathVariable long id, jakarta.servlet.http.HttpServletRequest request) {
        PersonalDataErasure.Erasure done = erasure.erase(id)
                .orElseThrow(() -> new NoSuchElementException("no customer " + id));
        audit.record(new AuditEntry(CurrentUser.name(), "customer.erase", "customer " + id,
                "customer rows " + done.customerRows() + ", changed " + done.changedRows(), AuditEntry.SUCCESS,
                ClientAddress.of(request)));
        return done;
    }
}
