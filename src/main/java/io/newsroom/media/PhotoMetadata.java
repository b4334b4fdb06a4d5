package io.newsroom.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What agencies and cameras write into a photo that the library uses: caption, credit and copyright
 * (IPTC first, as agencies fill it; then XMP; then EXIF), and the EXIF orientation that says how to
 * turn the stored pixels upright. Unreadable metadata is no metadata: it never refuses a photo.
 */
final class PhotoMetadata {

    record Read(int orientation, PhotoText text) {
    }

    private PhotoMetadata() {
    }

    static Read of(Path file) {
        Metadata metadata;
        try (InputStream in = Files.newInputStream(file)) {
            metadata = ImageMetadataReader.readMetadata(in);
        } catch (Exception | StackOverflowError e) {
            return new Read(1, PhotoText.NONE);
        }
        return new Read(orientation(metadata), iptc(metadata).or(xmp(metadata)).or(exif(metadata)));
    }

    private static int orientation(Metadata metadata) {
        for (ExifIFD0Directory exif : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
            Integer orientation = exif.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
            if (orientation != null && orientation >= 1 && orientation <= 8) {
                return orientation;
            }
        }
        return 1;
    }

    private static PhotoText iptc(Metadata metadata) {
        IptcDirectory iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
        if (iptc == null) {
            return PhotoText.NONE;
        }
        String credit = first(text(iptc, IptcDirectory.TAG_CREDIT), text(iptc, IptcDirectory.TAG_BY_LINE));
        return new PhotoText(text(iptc, IptcDirectory.TAG_CAPTION), credit, text(iptc, IptcDirectory.TAG_COPYRIGHT_NOTICE));
    }

    private static PhotoText xmp(Metadata metadata) {
        XmpDirectory xmp = metadata.getFirstDirectoryOfType(XmpDirectory.class);
        if (xmp == null) {
            return PhotoText.NONE;
        }
        Map<String, String> properties = xmp.getXmpProperties();
        return new PhotoText(property(properties, "dc:description"),
                first(property(properties, "photoshop:Credit"), property(properties, "dc:creator")),
                property(properties, "dc:rights"));
    }

    private static PhotoText exif(Metadata metadata) {
        ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (exif == null) {
            return PhotoText.NONE;
        }
        return new PhotoText(text(exif, ExifDirectoryBase.TAG_IMAGE_DESCRIPTION), text(exif, ExifDirectoryBase.TAG_ARTIST),
                text(exif, ExifDirectoryBase.TAG_COPYRIGHT));
    }

    /** A property, or the first item of a list or language alternative ("dc:description[1]"). */
    private static String property(Map<String, String> properties, String name) {
        String value = properties.get(name);
        if (value == null) {
            value = properties.get(name + "[1]");
        }
        if (value == null) {
            // other tools' layouts: the first item of the array, never a qualifier ("[1]/xml:lang")
            value = properties.entrySet().stream().filter(e -> e.getKey().startsWith(name + "[") && !e.getKey().contains("/"))
                    .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static String text(Directory directory, int tag) {
        try {
            String value = directory.getString(tag);
            return value == null || value.isBlank() ? null : value.strip();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
