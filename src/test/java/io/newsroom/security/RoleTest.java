package io.newsroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.actor.Role;
import org.junit.jupiter.api.Test;

/** Which key a person may make: one whose role theirs includes. */
class RoleTest {

    @Test
    void aRoleIncludesWhatItMayDoAndNoMore() {
        assertThat(Role.ADMIN.includes(Role.ADMIN)).isTrue();
        assertThat(Role.ADMIN.includes(Role.INTEGRATION)).isTrue();
        assertThat(Role.EDITOR.includes(Role.ADMIN)).isFalse();
        assertThat(Role.EDITOR.includes(Role.WRITER)).isTrue();
        assertThat(Role.EDITOR.includes(Role.INTEGRATION)).isTrue();
        assertThat(Role.WRITER.includes(Role.WRITER)).isTrue();
        assertThat(Role.WRITER.includes(Role.INTEGRATION)).isFalse();
        assertThat(Role.INTEGRATION.includes(Role.WRITER)).isFalse();
    }
}
