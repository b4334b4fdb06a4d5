package io.newsroom.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TagResolutionIT extends IntegrationTest {

    @Autowired
    TagService tagService;

    @Autowired
    TagRepository tags;

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
    void blankNamesAreIgnored() {
        assertThat(tagService.resolve(List.of(" ", "\u0640"))).isEmpty();
    }
}
