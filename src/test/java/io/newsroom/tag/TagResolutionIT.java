package io.newsroom.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsroom.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class TagResolutionIT extends IntegrationTest {

    @Autowired
    TagService tagService;

    @Autowired
    TagRepository tags;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void spellingVariantsResolveToTheFirstCreatedTag() {
        Tag iran = tagService.resolve(List.of("إيران")).get(0);
        List<Tag> again = tagService.resolve(List.of("ايران", "إيـران", "إِيرَان"));
        assertThat(again).extracting(Tag::getId).containsExactly(iran.getId());
        assertThat(tags.count()).isEqualTo(1);
        assertThat(iran.getName()).isEqualTo("إيران");
        assertThat(iran.getSlug()).isEqualTo("إيران");
    }

    @Test
    void multiWordTagsKeepTheirOrderAndGetHyphenatedSlugs() {
        List<Tag> resolved = tagService.resolve(List.of("مكافحة الإرهاب", "إيران", "باكستان", "خطة عمل مشتركة"));
        assertThat(resolved).extracting(Tag::getSlug).containsExactly("مكافحة-الإرهاب", "إيران", "باكستان", "خطة-عمل-مشتركة");
    }

    @Test
    void differentTagsWhoseSlugsCollideGetASuffix() {
        List<Tag> resolved = tagService.resolve(List.of("C++", "C#"));
        assertThat(resolved).extracting(Tag::getSlug).containsExactly("c", "c-2");
    }

    @Test
    void missingTagsAreCreatedInOneGoWithSlugsNoTagOrFormerSlugHolds() {
        Tag cpp = tagService.resolve(List.of("C++")).get(0);
        jdbc.update("INSERT INTO tag_aliases (slug_key, tag_id, created_at) VALUES ('d', ?, now())", cpp.getId());

        tagService.createMissing(List.of("C#", "c++", "D", "D!", "ايران", "إيران", " "));

        assertThat(tags.findAll()).extracting(Tag::getName, Tag::getSlug).containsExactlyInAnyOrder(
                tuple("C++", "c"), tuple("C#", "c-2"), tuple("D", "d-2"), tuple("D!", "d-3"), tuple("ايران", "ايران"));
        assertThat(tagService.resolve(List.of("إيران", "C#"))).extracting(Tag::getSlug).containsExactly("ايران", "c-2");
    }

    @Test
    void blankNamesAreIgnored() {
        assertThat(tagService.resolve(List.of(" ", "\u0640"))).isEmpty();
    }
}
