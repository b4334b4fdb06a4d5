#!/usr/bin/env python3
"""Writes the test photos under src/test/resources/media (committed; run again only to change them).

Needs Debian's python3-pil and libimage-exiftool-perl (exiftool) and webp (cwebp):
    apt-get install -y python3-pil libimage-exiftool-perl webp
Each file is small and made to be checked by what a reader would see: the iPhone photo is red on its
left and blue on its right as stored, with EXIF orientation 6 (turn 90 degrees clockwise), so upright
it is red on top; the CMYK one is pure red in CMYK ink; the PNG is half transparent.
"""
import io
import os
import struct
import subprocess
import sys
import zlib

from PIL import Image, ImageDraw

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "media")


def path(name):
    return os.path.join(OUT, name)


def exiftool(name, *args):
    subprocess.run(["exiftool", "-q", "-overwrite_original", "-charset", "iptc=UTF8", *args, path(name)], check=True)


def halves(size, left, right):
    image = Image.new("RGB", size, left)
    ImageDraw.Draw(image).rectangle([size[0] // 2, 0, size[0], size[1]], fill=right)
    return image


def iphone():
    halves((400, 300), (220, 20, 20), (20, 20, 220)).save(path("iphone.jpg"), quality=85)
    exiftool("iphone.jpg", "-Make=Apple", "-Model=iPhone 15 Pro", "-Orientation#=6",
             "-GPSLatitude=24.7136", "-GPSLatitudeRef=N", "-GPSLongitude=46.6753", "-GPSLongitudeRef=E",
             "-SerialNumber=F2LXK0ABCDEF", "-BodySerialNumber=F2LXK0ABCDEF", "-LensSerialNumber=LENS123",
             "-OwnerName=Reporter Private Name", "-Artist=Reporter Private Name",
             "-IPTC:CodedCharacterSet=UTF8",
             "-IPTC:Caption-Abstract=ضابط شرطة يحرس بوابة الدخول الرئيسية",
             "-IPTC:Credit=وكالة الأنباء", "-IPTC:By-line=مصور الوكالة",
             "-IPTC:CopyrightNotice=© وكالة الأنباء 2026")


def cmyk():
    Image.new("CMYK", (320, 200), (0, 255, 255, 0)).save(path("cmyk.jpg"), quality=90)
    exiftool("cmyk.jpg", "-XMP-dc:Description=Agency photo in CMYK", "-XMP-photoshop:Credit=Agency Pictures",
             "-XMP-dc:Rights=(c) Agency Pictures")


def alpha():
    image = Image.new("RGBA", (200, 100), (0, 128, 0, 255))
    ImageDraw.Draw(image).rectangle([100, 0, 200, 100], fill=(0, 0, 0, 0))
    image.save(path("alpha.png"))


def webp():
    png = path("webp-source.png")
    halves((300, 200), (240, 200, 0), (0, 160, 0)).save(png)
    subprocess.run(["cwebp", "-quiet", "-q", "80", png, "-o", path("photo.webp")], check=True)
    os.remove(png)


def animated():
    frames = [Image.new("P", (120, 80), colour) for colour in (1, 2, 3)]
    for frame in frames:
        frame.putpalette([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255] + [0] * (256 * 3 - 12))
    frames[0].save(path("animated.gif"), save_all=True, append_images=frames[1:], duration=100, loop=0)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def bomb():
    """A valid PNG header declaring 100,000 x 100,000 pixels (10 gigapixels) over a few KB of zeros."""
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\0" * 3_000_000, 9)
    with open(path("bomb.png"), "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b""))


def truncated():
    buffer = io.BytesIO()
    halves((640, 480), (10, 10, 10), (250, 250, 250)).save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    with open(path("truncated.jpg"), "wb") as out:
        out.write(data[: len(data) // 3])


def svg():
    with open(path("script.svg"), "w") as out:
        out.write('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
                  '<script>alert(document.cookie)</script><rect width="100" height="100" fill="red"/></svg>\n')


def polyglots():
    """A real JPEG carrying HTML and script (in a comment and after its end), and HTML carrying a JPEG."""
    buffer = io.BytesIO()
    halves((160, 120), (200, 200, 200), (90, 90, 90)).save(buffer, "JPEG", quality=80)
    jpeg = buffer.getvalue()
    script = b"<html><body><script>alert('polyglot')</script></body></html>"
    comment = b"\xff\xfe" + struct.pack(">H", len(script) + 2) + script
    with open(path("polyglot.jpg"), "wb") as out:
        out.write(jpeg[:2] + comment + jpeg[2:] + script)
    with open(path("polyglot.html.jpg"), "wb") as out:
        out.write(b"<!DOCTYPE html><html><script>alert(1)</script><!--" + jpeg + b"--></html>")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for make in (iphone, cmyk, alpha, webp, animated, bomb, truncated, svg, polyglots):
        make()
    for name in sorted(os.listdir(OUT)):
        print(f"{os.path.getsize(path(name)):>8}  {name}", file=sys.stderr)
