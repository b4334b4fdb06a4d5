package io.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.demo.DemoContent;
import io.newsroom.support.IntegrationTest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * tools/fuzz_api.py, bounded and seeded, against the running service with the demo content: every
 * operation of the OpenAPI description with odd paths, parameters and bodies, odd bytes in every
 * query parameter, repeated parameters, declared charsets and stray characters in every string
 * field, then every feed and sitemap read back as XML. Any finding fails the build.
 */
class ApiFuzzerIT extends IntegrationTest {

    /** One round with a fixed seed: the same requests every run. */
    private static final String ROUNDS = "1";
    private static final String SEED = "16";

    @Autowired
    DemoContent demo;

    @Test
    void theFuzzerFindsNothing() throws Exception {
        demo.load();
        File report = new File("target/fuzz_api.txt");
        Process fuzzer = new ProcessBuilder("python3", "tools/fuzz_api.py", "http://127.0.0.1:" + port, adminKey, ROUNDS, SEED)
                .redirectErrorStream(true).redirectOutput(report).start();
        boolean finished = fuzzer.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            fuzzer.destroyForcibly().waitFor();
        }
        String output = Files.readString(report.toPath(), StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(finished).as("the fuzzer finished within 5 minutes").isTrue();
        assertThat(output).containsPattern("\\d+ requests, 0 findings");
        assertThat(fuzzer.exitValue()).as(output).isZero();
    }
}
