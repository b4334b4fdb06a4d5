package io.newsroom.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.Photos;
import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure rules: types from bytes, crops around the focal point, rendition names, decoding bounds. */
class RenditionRulesTest {

    @Test
    void theTypeComesFromTheBytesAlone() {
        assertThat(ImageType.sniff(Photos.file("iphone.jpg"))).contains(ImageType.JPEG);
        assertThat(ImageType.sniff(Photos.file("alpha.png"))).contains(ImageType.PNG);
        assertThat(ImageType.sniff(Photos.file("photo.webp"))).contains(ImageType.WEBP);
        assertThat(ImageType.sniff(Photos.file("animated.gif"))).contains(ImageType.GIF);
        assertThat(ImageType.sniff(Photos.file("script.svg"))).isEmpty();
        assertThat(ImageType.sniff(Photos.file("polyglot.html.jpg"))).isEmpty();
        assertThat(ImageType.sniff("RIFF0000WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
    }

    @Test
    void aCropIsTheLargestRegionOfItsRatioCentredOnTheFocalPointAndKeptInside() {
        Crop square = Crop.parse("1:1");
        assertThat(RenditionGeometry.region(1600, 900, square, 0.5, 0.5)).isEqualTo(new Rectangle(350, 0, 900, 900));
        assertThat(RenditionGeometry.region(1600, 900, square, 0.0, 0.5)).isEqualTo(new Rectangle(0, 0, 900, 900));
        assertThat(RenditionGeometry.region(1600, 900, square, 1.0, 0.5)).isEqualTo(new Rectangle(700, 0, 900, 900));
        Crop wide = Crop.parse("16:9");
        assertThat(RenditionGeometry.region(1000, 1000, wide, 0.5, 0.1)).isEqualTo(new Rectangle(0, 0, 1000, 563));
        assertThat(RenditionGeometry.region(1000, 1000, wide, 0.5, 0.9)).isEqualTo(new Rectangle(0, 437, 1000, 563));
        assertThat(RenditionGeometry.region(1000, 1000, Crop.ORIGINAL, 0.9, 0.9)).isEqualTo(new Rectangle(0, 0, 1000, 1000));
    }

    @Test
    void widthsAreNeverLargerThanTheRegionAndASmallPhotoKeepsItsOwnWidth() {
        List<Integer> configured = List.of(1920, 320, 640, 960, 1280);
        assertThat(RenditionGeometry.widths(new Rectangle(0, 0, 1000, 800), configured)).containsExactly(320, 640, 960);
        assertThat(RenditionGeometry.widths(new Rectangle(0, 0, 200, 100), configured)).containsExactly(200);
        assertThat(RenditionGeometry.height(new Rectangle(0, 0, 1600, 900), Crop.parse("16:9"), 320)).isEqualTo(180);
    }

    @Test
    void renditionNamesRoundTripAndRefuseWhatIsNotOne() {
        RenditionName crop = RenditionName.of(Crop.parse("16:9"), 0.25, 0.75, 640, RenditionFormat.WEBP);
        assertThat(crop.toString()).isEqualTo("16x9-f2500-7500-w640.webp");
        assertThat(RenditionName.parse(crop.toString())).contains(crop);
        assertThat(RenditionName.parse("w1280")).hasValueSatisfying(n -> {
            assertThat(n.format()).isNull();
            assertThat(n.crop().original()).isTrue();
        });
        for (String bad : new String[] {"w0.jpg", "w1280.png", "x.jpg", "16x9-w640.jpg", "16x9-f10001-0-w640.jpg", "w640.jpg/x", "W640.JPG",
                "0x9-f1-1-w640.jpg", "w640 .jpg"}) {
            assertThat(RenditionName.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void largeImagesAreDecodedSubsampledToWhatTheWidestRenditionNeeds() {
        List<Crop> crops = List.of(Crop.ORIGINAL, Crop.parse("16:9"), Crop.parse("1:1"), Crop.parse("4:3"));
        assertThat(ImageDecoder.subsampling(6000, 4000, crops, 1920)).isEqualTo(2); // 24 MP: the 4000-wide square needs 1920
        assertThat(ImageDecoder.subsampling(9487, 6325, crops, 1920)).isEqualTo(3); // 60 MP
        assertThat(ImageDecoder.subsampling(1920, 1080, crops, 1920)).isEqualTo(1);
        assertThat(ImageDecoder.subsampling(400, 300, crops, 1920)).isEqualTo(1);
    }
}
