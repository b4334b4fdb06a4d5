package io.newsroom.author;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.newsroom.text.CleanText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * An author as an article names one: by id, or by name (an unknown name becomes an author, as tag
 * names become tags). JSON takes {@code {"id": "..."}}, {@code {"name": "..."}}, or a plain string,
 * read as an id when it is a UUID and as a name otherwise. Other members (the {@code slug} an admin
 * response shows) are ignored, so an article read back can be sent again as it is.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "An author by id or by name; a plain string is read as an id when it is a UUID, else as a name")
public record AuthorRef(UUID id, @Size(max = 100) String name) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public AuthorRef(@JsonProperty("id") UUID id, @JsonProperty("name") String name) {
        this.id = id;
        this.name = CleanText.name(name);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AuthorRef of(String idOrName) {
        try {
            return new AuthorRef(UUID.fromString(idOrName.strip()), null);
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            return new AuthorRef(null, idOrName);
        }
    }

    public static AuthorRef byName(String name) {
        return new AuthorRef(null, name);
    }

    public static AuthorRef byId(UUID id) {
        return new AuthorRef(id, null);
    }

    /** Whether it names no author at all: neither an id nor a name. */
    @JsonIgnore
    public boolean isEmpty() {
        return id == null && (name == null || name.isBlank());
    }
}
