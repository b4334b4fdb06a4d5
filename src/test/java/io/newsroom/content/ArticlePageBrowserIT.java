package io.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.newsroom.support.Api;
import io.newsroom.support.ArticleFixtures;
import io.newsroom.support.IntegrationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The article page in a real browser: headless Chromium (Debian's chromium and chromium-driver) loads
 * the preview page of an Arabic story shaped like the seed page and the published page of an English
 * one, against the running service, with the story's image served by a real server on 127.0.0.1.
 * Each page loads without console errors, shows its parts in reading order, runs right to left for
 * Arabic and left to right for English, and leaves a screenshot under target/.
 */
class ArticlePageBrowserIT extends IntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static HttpServer images;
    private ChromeDriver browser;
    private Api editor;

    @BeforeAll
    static void imageServer() throws IOException {
        BufferedImage picture = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 640; x++) {
            for (int y = 0; y < 360; y++) {
                picture.setRGB(x, y, (x / 40 + y / 40) % 2 == 0 ? 0x2f5d8a : 0xd9d2c3);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);
        byte[] bytes = png.toByteArray();
        images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        images.createContext("/gate.png", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        images.start();
    }

    @AfterAll
    static void stopImageServer() {
        images.stop(0);
    }

    @BeforeEach
    void startBrowser() {
        assertThat(CHROMIUM).as("Chromium is needed (apt-get install chromium chromium-driver; tools/test-prerequisites.sh does in ./mvnw verify)").exists();
        assertThat(CHROMEDRIVER).exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=ar");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1000, 1800));
        editor = api.as(editorKey);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theArabicPreviewPageReadsRightToLeftInTheSeedPagesOrder() throws IOException {
        String wafd = editor.post("/api/admin/sources", Map.of("name", "بوابة الوفد", "url", "https://alwafd.news")).json().get("id").asString();
        String novosti = editor.post("/api/admin/sources", Map.of("name", "نوفوستي")).json().get("id").asString();
        Map<String, Object> related = ArticleFixtures.article("إقرار مشروع قانون رواندا في مجلس العموم البريطاني", "بريطانيا");
        related.put("sourceId", novosti);
        String readAlso = ArticleFixtures.create(editor, related).json().get("id").asString();
        assertThat(editor.post("/api/admin/articles/" + readAlso + "/publish", null).status()).isEqualTo(200);
        ArticleFixtures.publishedId(editor, "باكستان وإيران تتفقان على تعزيز التعاون الأمني على الحدود", "باكستان", "إيران");
        ArticleFixtures.publishedId(editor, "مصرع 16 إثر سقوط حافلة في واد بباكستان", "باكستان");

        Map<String, Object> story = ArticleFixtures.article("إيران وباكستان تتفقان على خطة عمل مشتركة لمكافحة الإرهاب",
                "مكافحة الإرهاب", "إيران", "باكستان", "خطة عمل مشتركة");
        story.put("subheadline", "خطة عمل مشتركة للتعامل مع خطر الإرهاب");
        story.put("excerpt", "اتفق وزيرا خارجية إيران وباكستان على خطة عمل مشتركة لمواجهة الإرهاب.");
        story.put("bodyHtml", "<p>قال وزير الخارجية الإيراني إن البلدين اتفقا على تعزيز التعاون.</p>"
                + "<blockquote>«لن نسمح للإرهابيين بتهديد أمن حدودنا المشتركة»</blockquote>"
                + "<p>وأضاف أن الاجتماعات ستستمر خلال الأسابيع المقبلة.</p>");
        story.put("sourceId", wafd);
        story.put("sourceUrl", "https://alwafd.news/story");
        story.put("image", Map.of("url", "http://127.0.0.1:" + images.getAddress().getPort() + "/gate.png",
                "caption", "ضابط شرطة يحرس بوابة الدخول الرئيسية، 18 يناير/ كانون الثاني 2024"));
        story.put("relatedIds", List.of(readAlso));
        String id = ArticleFixtures.create(editor, story).json().get("id").asString();
        String token = editor.post("/api/admin/articles/" + id + "/preview-links", Map.of()).json().get("token").asString();

        browser.get("http://127.0.0.1:" + port + "/preview/" + token);

        assertThat(browser.getTitle()).isEqualTo("إيران وباكستان تتفقان على خطة عمل مشتركة لمكافحة الإرهاب");
        WebElement root = browser.findElement(By.tagName("html"));
        assertThat(root.getAttribute("dir")).isEqualTo("rtl");
        assertThat(root.getAttribute("lang")).isEqualTo("ar");
        assertThat(browser.findElement(By.cssSelector("main")).getCssValue("direction")).isEqualTo("rtl");
        WebElement image = browser.findElement(By.cssSelector("figure img"));
        assertThat(image.getDomProperty("naturalWidth")).as("the image loaded").isEqualTo("640");
        assertThat(browser.findElement(By.cssSelector("figcaption")).getText()).contains("ضابط شرطة يحرس بوابة الدخول الرئيسية");
        assertThat(browser.findElement(By.cssSelector(".body blockquote")).getText()).contains("لن نسمح للإرهابيين");
        assertThat(browser.findElement(By.cssSelector(".source")).getText()).isEqualTo("المصدر: بوابة الوفد");
        assertThat(browser.findElements(By.cssSelector(".tags .tag")).stream().map(WebElement::getText).toList())
                .containsExactly("مكافحة الإرهاب", "إيران", "باكستان", "خطة عمل مشتركة");
        assertThat(browser.findElement(By.cssSelector(".read-also")).getText()).contains("إقرأ أيضاً", "إقرار مشروع قانون رواندا");
        assertThat(browser.findElement(By.cssSelector(".similar")).getText()).contains("مقالات مشابهة", "باكستان وإيران تتفقان");
        assertThat(browser.findElement(By.cssSelector(".preview-banner")).getText()).contains("معاينة");
        assertReadingOrder(".preview-banner", "h1", ".subheadline", ".lead", "figure", ".body", ".source", ".tags", ".read-also", ".similar");
        assertNoConsoleErrors();
        screenshot("preview-ar.png");
    }

    @Test
    void anEnglishArticlePageReadsLeftToRight() throws IOException {
        Map<String, Object> story = ArticleFixtures.article("Iran and Pakistan agree a joint action plan against terrorism", "Terrorism", "Iran");
        story.put("language", "en");
        story.put("subheadline", "A joint plan to meet the threat");
        story.put("excerpt", "The two foreign ministers agreed on a joint plan.");
        story.put("bodyHtml", "<p>The ministers met in Islamabad.</p><blockquote>“We will not let terrorists threaten our border.”</blockquote>");
        String id = ArticleFixtures.create(editor, story).json().get("id").asString();
        assertThat(editor.post("/api/admin/articles/" + id + "/publish", null).status()).isEqualTo(200);
        ArticleFixtures.publishedId(editor, "Border trade resumes between Iran and Pakistan", "Iran");
        String slug = editor.get("/api/admin/articles/" + id).json().get("slug").asString();

        browser.get("http://127.0.0.1:" + port + "/articles/" + SiteProperties.encode(slug));

        WebElement root = browser.findElement(By.tagName("html"));
        assertThat(root.getAttribute("dir")).isEqualTo("ltr");
        assertThat(root.getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector("main")).getCssValue("direction")).isEqualTo("ltr");
        assertThat(browser.findElements(By.cssSelector(".preview-banner"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".similar")).getText()).contains("Similar articles", "Border trade resumes");
        assertThat(browser.findElement(By.cssSelector(".tags")).getText()).startsWith("Tags:");
        assertReadingOrder("h1", ".subheadline", ".lead", ".body", ".tags", ".similar");
        assertNoConsoleErrors();
        screenshot("article-en.png");

        // The console is really read: a page that fails to load leaves an error there.
        browser.get("http://127.0.0.1:" + port + "/articles/no-such-article");
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).as("a 404 is logged").isNotEmpty();
    }

    /** Each part both follows the one before in the document and lies below it on the screen. */
    private void assertReadingOrder(String... selectors) {
        List<WebElement> parts = new ArrayList<>();
        for (String selector : selectors) {
            parts.add(browser.findElement(By.cssSelector(selector)));
        }
        for (int i = 1; i < parts.size(); i++) {
            Object follows = browser.executeScript("return (arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;",
                    parts.get(i - 1), parts.get(i));
            assertThat(follows).as(selectors[i] + " after " + selectors[i - 1] + " in the document").isEqualTo(true);
            assertThat(parts.get(i).getLocation().getY()).as(selectors[i] + " below " + selectors[i - 1])
                    .isGreaterThanOrEqualTo(parts.get(i - 1).getLocation().getY() + parts.get(i - 1).getSize().getHeight() - 1);
        }
    }

    private void assertNoConsoleErrors() {
        List<LogEntry> entries = browser.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(entries.stream().filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList())
                .as("console errors and warnings").isEmpty();
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }
}
