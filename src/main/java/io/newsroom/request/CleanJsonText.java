package io.newsroom.request;

import io.newsroom.text.CleanText;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.StringNode;

/**
 * Every string read from JSON, bound to a record or parsed as a tree (ninjs, merge patches, bulk
 * lines), passes {@link CleanText#text}: no control character, noncharacter or byte-order mark gets
 * past the parser. Fields that must be one line or a name get the stricter rule where their owner
 * defines them (the request records, tags, sources).
 */
@Configuration(proxyBeanMethods = false)
class CleanJsonText {

    @Bean
    JsonMapperBuilderCustomizer cleanJsonStrings() {
        SimpleModule module = new SimpleModule("clean-json-text");
        module.addDeserializer(String.class, new CleaningStringDeserializer());
        return builder -> builder.addModule(module).nodeFactory(new CleaningNodeFactory());
    }

    static final class CleaningStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return CleanText.text(super.deserialize(parser, context));
        }
    }

    static final class CleaningNodeFactory extends JsonNodeFactory {

        @Override
        public StringNode stringNode(String text) {
            return super.stringNode(CleanText.text(text));
        }
    }
}
