package io.newsroom.audit.web;

import io.newsroom.audit.AuditLog;
import io.newsroom.paging.Cursors;
import io.newsroom.paging.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/audit")
@Tag(name = "Audit", description = "Every write: who (a person, a key and its owner, or the system), what, which article, when")
class AuditController {

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping
    @Operation(summary = "List audit entries, newest first (ADMIN, EDITOR)")
    Page<AuditLog.Entry> list(@RequestParam(required = false) UUID articleId,
                              @RequestParam(required = false) UUID actor,
                              @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                              @RequestParam(required = false) String cursor) {
        Long before = cursor == null ? null : Cursors.decodeLong(cursor);
        return Page.of(auditLog.list(articleId, actor, before, limit + 1), limit, entry -> Cursors.encode(entry.id()));
    }
}
