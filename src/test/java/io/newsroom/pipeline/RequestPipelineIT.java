package io.newsroom.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The servlet filters a request meets, read from the running server in the order Tomcat chains them,
 * each with the paths and the dispatches it is mapped to: the order itself, and that
 * {@link RequestPipeline} lists them as they run.
 */
class RequestPipelineIT extends IntegrationTest {

    private static final String PUBLIC = "[/api/content/*, /feeds/*, /sitemap.xml, /sitemap-news.xml, /sitemaps/*, /articles/*]";
    private static final String EVERY_DISPATCH = "[FORWARD, INCLUDE, REQUEST, ERROR, ASYNC]";

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theServerChainsTheFiltersInThisOrder() {
        assertThat(chain()).containsExactly(
                "previewHeaders [/api/content/preview/*, /preview/*] " + EVERY_DISPATCH,
                "databaseOutageFilter [/*] [REQUEST]",
                "characterEncodingFilter [/*] " + EVERY_DISPATCH,
                "webMvcObservationFilter [/*] [REQUEST, ASYNC]",
                "publicCors [/*] " + EVERY_DISPATCH,
                "contentResponseCache " + PUBLIC + " " + EVERY_DISPATCH,
                "mediaRenditions [/media/*] " + EVERY_DISPATCH,
                "requestSizeLimitFilter [/*] " + EVERY_DISPATCH,
                "strictQueryParameters [/*] " + EVERY_DISPATCH,
                "bodyCharsets [/*] " + EVERY_DISPATCH,
                "readAdmission " + PUBLIC + " [REQUEST]",
                "storedRenderings [/api/content/articles/*] " + EVERY_DISPATCH,
                "formContentFilter [/*] " + EVERY_DISPATCH,
                "requestContextFilter [/*] " + EVERY_DISPATCH,
                "springSecurityFilterChain [/*] " + EVERY_DISPATCH,
                "contentEtags " + PUBLIC + " " + EVERY_DISPATCH,
                "resourceUrlEncodingFilter [/*] [REQUEST, ERROR]",
                "Tomcat WebSocket (JSR356) Filter [/*] [FORWARD, REQUEST]");
    }

    @Test
    void theChainIsTheListInRequestPipelineThenTomcatsOwn() {
        List<String> listed = new ArrayList<>(Arrays.stream(RequestPipeline.values()).map(RequestPipeline::filterName).toList());
        listed.add("Tomcat WebSocket (JSR356) Filter");
        assertThat(chain()).map(filter -> filter.substring(0, filter.indexOf(" ["))).containsExactlyElementsOf(listed);
    }

    /** Each filter as Tomcat chains it: its name, URL patterns and dispatcher types. */
    private List<String> chain() {
        Context tomcat = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        return Arrays.stream(tomcat.findFilterMaps())
                .map(map -> map.getFilterName() + " " + Arrays.toString(map.getURLPatterns()) + " " + Arrays.toString(map.getDispatcherNames()))
                .toList();
    }
}
