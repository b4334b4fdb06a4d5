package io.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tools/test-prerequisites.sh, which `./mvnw verify` runs before the end-to-end tests, run here with
 * a PATH of stand-ins: the commands it looks for, {@code id} (who runs it) and {@code apt-get} (which
 * only records what it was asked), so no branch installs anything.
 */
class TestPrerequisitesScriptTest {

    private static final Path SCRIPT = Path.of("tools/test-prerequisites.sh");

    @TempDir
    Path bin;

    @TempDir
    Path fonts;

    /** Where the script looks for s3rver: installed (a package.json there) unless a test removes it. */
    @TempDir
    Path s3rver;

    /** Where the script looks for vmod xkey: installed unless a test removes it. */
    @TempDir
    Path vmods;

    @BeforeEach
    void theToolsEveryBranchUses() throws IOException {
        Files.createSymbolicLink(bin.resolve("cat"), which("cat"));
        Files.createDirectories(s3rver.resolve("node_modules/s3rver"));
        Files.writeString(s3rver.resolve("node_modules/s3rver/package.json"), "{}");
        Files.writeString(vmods.resolve("libvmod_xkey.so"), "");
    }

    @Test
    void everythingPresentIsANoOp() throws Exception {
        for (String tool : new String[] {"python3", "chromium", "chromedriver", "cwebp", "node", "npm", "varnishd"}) {
            standIn(tool, "exit 1"); // found, never run
        }
        standIn("id", "echo 1000");
        Run run = run(fonts);
        assertThat(run.exit()).isZero();
        assertThat(run.output()).isEmpty();
        assertThat(run.took()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void s3rverIsInstalledWithNpmIntoTheBuildWithoutRoot() throws Exception {
        for (String tool : new String[] {"python3", "chromium", "chromedriver", "cwebp", "node", "varnishd"}) {
            standIn(tool, "exit 1");
        }
        standIn("id", "echo 1000");
        Path asked = bin.resolve("asked");
        standIn("npm", "echo \"$@\" >> " + asked);
        Files.delete(s3rver.resolve("node_modules/s3rver/package.json"));
        Run run = run(fonts);
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(Files.readAllLines(asked)).containsExactly(
                "install --prefix " + s3rver + " --no-audit --no-fund --loglevel=error s3rver@3.7.1");
    }

    @Test
    void aFailedS3rverInstallFailsTheBuild() throws Exception {
        for (String tool : new String[] {"python3", "chromium", "chromedriver", "cwebp", "node", "varnishd"}) {
            standIn(tool, "exit 1");
        }
        standIn("id", "echo 1000");
        standIn("npm", "exit 1");
        Files.delete(s3rver.resolve("node_modules/s3rver/package.json"));
        Run run = run(fonts);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("npm could not install s3rver 3.7.1");
    }

    @Test
    void missingAndNotRootFailsAtOnceWithTheCommandToRun() throws Exception {
        standIn("python3", "exit 1");
        standIn("id", "echo 1000");
        Run run = run(fonts.resolve("absent"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("sudo apt-get install -y chromium chromium-driver fonts-noto-core webp nodejs npm varnish")
                .doesNotContain("installing");
    }

    @Test
    void rootWithoutAptGetFailsTheSameWay() throws Exception {
        standIn("id", "echo 0");
        Run run = run(fonts);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("sudo apt-get install -y python3 chromium chromium-driver webp nodejs npm varnish\n");
    }

    @Test
    void rootWithAptGetInstallsWhatIsMissing() throws Exception {
        standIn("id", "echo 0");
        Path asked = bin.resolve("asked");
        standIn("apt-get", "echo \"$@\" >> " + asked);
        Run run = run(fonts.resolve("absent"));
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(Files.readAllLines(asked)).containsExactly("update -q",
                "install -y -q python3 chromium chromium-driver fonts-noto-core webp nodejs npm varnish");
    }

    @Test
    void aFailedInstallFailsTheBuild() throws Exception {
        standIn("id", "echo 0");
        standIn("apt-get", "exit 100");
        Run run = run(fonts);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("apt-get could not install python3 chromium chromium-driver webp nodejs npm varnish");
    }

    private record Run(int exit, String output, Duration took) {
    }

    @Test
    void varnishModulesAreInstalledWhenVmodXkeyIsMissing() throws Exception {
        for (String tool : new String[] {"python3", "chromium", "chromedriver", "cwebp", "node", "npm", "varnishd"}) {
            standIn(tool, "exit 1");
        }
        standIn("id", "echo 0");
        Path asked = bin.resolve("asked");
        standIn("apt-get", "echo \"$@\" >> " + asked);
        Files.delete(vmods.resolve("libvmod_xkey.so"));
        Run run = run(fonts);
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(Files.readAllLines(asked)).containsExactly("update -q", "install -y -q varnish-modules");
    }

    private Run run(Path notoFonts) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(which("bash").toString(), SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().put("PATH", bin.toString());
        builder.environment().put("NOTO_FONTS_DIRECTORY", notoFonts.toString());
        builder.environment().put("S3RVER_DIRECTORY", s3rver.toString());
        builder.environment().put("VARNISHD", bin.resolve("no-varnishd").toString());
        builder.environment().put("VARNISH_VMOD_DIRECTORY", vmods.toString());
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output, Duration.ofNanos(System.nanoTime() - start));
    }

    private void standIn(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!" + which("sh") + "\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A tool from the machine's own PATH (the stand-ins' PATH has none). */
    private static Path which(String tool) {
        return Arrays.stream(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, tool)).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new IllegalStateException(tool + " is not on the PATH"));
    }
}
