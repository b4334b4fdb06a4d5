/**
 * Who changed what, when and with which key: the log each module writes in its own change's
 * transaction, and the admin API that reads it.
 */
@ApplicationModule(displayName = "Audit log", allowedDependencies = {
        "actor",
        "paging",
})
package io.newsroom.audit;

import org.springframework.modulith.ApplicationModule;
