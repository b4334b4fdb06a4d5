package io.newsroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order feed readers decide a charset in (RFC 7303): byte-order mark, HTTP, XML declaration, then the bytes. */
class FeedCharsetsTest {

    private static final Charset CP1256 = FeedCharsets.WINDOWS_1256;
    private static final Charset ISO_8859_6 = FeedCharsets.ISO_8859_6;
    private static final String FEED = "<rss><channel><title>وزير الزراعة يعلن خطة لدعم مزارعي القمح في الدلتا</title></channel></rss>";

    @Test
    void theHttpCharsetWinsOverTheXmlDeclaration() {
        String declaredWrong = "<?xml version=\"1.0\" encoding=\"ISO-8859-6\"?>" + FEED;
        FeedCharsets.Decoded decoded = FeedCharsets.decode(declaredWrong.getBytes(CP1256), "application/rss+xml; charset=\"windows-1256\"");
        assertThat(decoded.charset()).isEqualTo(CP1256);
        assertThat(decoded.text()).isEqualTo(declaredWrong);
        assertThat(decoded.warnings()).isEmpty();
    }

    @Test
    void aByteOrderMarkWinsOverTheHttpCharset() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(FEED.getBytes(StandardCharsets.UTF_8));
        assertThat(FeedCharsets.decode(bytes.toByteArray(), "text/xml; charset=windows-1256").text()).isEqualTo(FEED);
        byte[] utf16 = ("\uFEFF" + FEED).getBytes(StandardCharsets.UTF_16LE);
        assertThat(FeedCharsets.decode(utf16, "text/xml; charset=iso-8859-1").text()).isEqualTo(FEED);
    }

    @Test
    void theXmlDeclarationDecidesWhenTheHeaderNamesNoCharset() {
        String declared = "<?xml version='1.0' encoding='windows-1256'?>" + FEED;
        FeedCharsets.Decoded decoded = FeedCharsets.decode(declared.getBytes(CP1256), "application/xml");
        assertThat(decoded.charset()).isEqualTo(CP1256);
        assertThat(decoded.text()).isEqualTo(declared);
    }

    @Test
    void anUnknownCharsetIsNamedInAWarningAndTheNextRuleDecides() {
        String declared = "<?xml version=\"1.0\" encoding=\"ISO-8859-6\"?>" + FEED;
        FeedCharsets.Decoded decoded = FeedCharsets.decode(declared.getBytes(ISO_8859_6), "text/xml; charset=arabic-old");
        assertThat(decoded.text()).isEqualTo(declared);
        assertThat(decoded.warnings()).containsExactly("The HTTP Content-Type names the charset \"arabic-old\", which is not known here; it was ignored");
    }

    @Test
    void validUtf8WithNoCharsetNamedIsUtf8() {
        FeedCharsets.Decoded decoded = FeedCharsets.decode(FEED.getBytes(StandardCharsets.UTF_8), null);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.warnings()).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8AreSniffedAsWindows1256OrIso88596() {
        List<String> texts = List.of(FEED, "<title>البنك المركزي يثبت أسعار الفائدة</title>", "<t>هطول أمطار غزيرة على مدينة الإسكندرية</t>",
                "<t>منتخب المغرب يتأهل إلى نصف النهائي بعد فوزه على مصر</t>", "<t>ارتفاع أسعار الذهب</t>");
        for (String text : texts) {
            for (Charset charset : List.of(CP1256, ISO_8859_6)) {
                FeedCharsets.Decoded decoded = FeedCharsets.decode(text.getBytes(charset), "application/rss+xml");
                assertThat(decoded.charset()).as(charset + ": " + text).isEqualTo(charset);
                assertThat(decoded.text()).isEqualTo(text);
                assertThat(decoded.warnings()).containsExactly("The feed names no charset and is not UTF-8; it was read as " + charset.name()
                        + ", the likelier of windows-1256 and ISO-8859-6");
            }
        }
    }

    @Test
    void bytesTheNamedCharsetCannotDecodeBecomeReplacementCharactersWithAWarning() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("<t>خبر ".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("عاجل".getBytes(CP1256));
        bytes.writeBytes("</t>".getBytes(StandardCharsets.UTF_8));
        FeedCharsets.Decoded decoded = FeedCharsets.decode(bytes.toByteArray(), "text/xml; charset=UTF-8");
        assertThat(decoded.text()).startsWith("<t>خبر ").contains("\uFFFD").endsWith("</t>");
        assertThat(decoded.warnings()).singleElement().asString().startsWith("Some bytes are not valid UTF-8 (chosen by the HTTP Content-Type)");
    }

    @Test
    void aDeclarationThatCannotDescribeItsOwnBytesIsIgnored() {
        String lying = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + FEED;
        FeedCharsets.Decoded decoded = FeedCharsets.decode(lying.getBytes(StandardCharsets.UTF_8), "text/xml");
        assertThat(decoded.text()).isEqualTo(lying);
        assertThat(decoded.warnings()).singleElement().asString().contains("which its own bytes are not in");
    }

    @Test
    void theCharsetParameterIsReadLikeAnyMediaTypeParameter() {
        assertThat(FeedCharsets.httpCharset("application/rss+xml;charset=windows-1256")).isEqualTo("windows-1256");
        assertThat(FeedCharsets.httpCharset("text/xml; Charset=\"UTF-8\"; q=1")).isEqualTo("UTF-8");
        assertThat(FeedCharsets.httpCharset("text/xml")).isNull();
        assertThat(FeedCharsets.httpCharset("text/xml; charset=")).isNull();
        assertThat(FeedCharsets.httpCharset(null)).isNull();
    }

    @Test
    void whatXml10ForbidsIsRemovedAndCounted() {
        XmlForbidden.Cleaned cleaned = XmlForbidden.remove("<t>a\u0001b&#x0B;c&#11;d&#xFFFE;e&#0;f&#1114112;g\uFFFF\uD800</t>");
        assertThat(cleaned.text()).isEqualTo("<t>abcdefg</t>");
        assertThat(cleaned.removed()).isEqualTo(8);
        String allowed = "<t>&#x9;&#10;&#xD;&#x627;&#128512; tab\tline\n</t>";
        assertThat(XmlForbidden.remove(allowed)).isEqualTo(new XmlForbidden.Cleaned(allowed, 0));
    }
}
