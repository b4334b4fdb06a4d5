#!/usr/bin/env python3
"""Photos for bench/media.sh, and the baseline it measures the service against.

    media_photos.py make DIR       writes DIR/24mp.jpg (6000 x 4000) and DIR/60mp.jpg (9486 x 6324, just under the 60 MP limit):
                                   camera-like content (gradients and noise), quality 90
    media_photos.py baseline FILE  seconds Pillow takes to open FILE, make the same renditions the
                                   service makes at upload (5 widths, JPEG and WebP), and encode them

Needs Debian's python3-pil (with WebP support).
"""
import io
import os
import sys
import time

from PIL import Image

WIDTHS = (320, 640, 960, 1280, 1920)


def make(directory):
    os.makedirs(directory, exist_ok=True)
    for name, size in (("24mp.jpg", (6000, 4000)), ("60mp.jpg", (9486, 6324))):
        path = os.path.join(directory, name)
        if os.path.exists(path):
            continue
        gradient = Image.linear_gradient("L").resize(size)
        noise = Image.effect_noise(size, 12)  # sensor-like grain; more makes every JPEG several times a real photo's size
        rgb = Image.merge("RGB", (gradient, noise, gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
        rgb.save(path, quality=90)
        print(f"{name}: {os.path.getsize(path) // 1024} KB", file=sys.stderr)


def baseline(path):
    start = time.perf_counter()
    image = Image.open(path)
    image.draft("RGB", (1920, 1920))  # Pillow's own subsampled JPEG decode, as the service does
    image = image.convert("RGB")
    for width in WIDTHS:
        height = round(image.height * width / image.width)
        scaled = image.resize((width, height), Image.Resampling.BILINEAR)
        for fmt, options in (("JPEG", {"quality": 82}), ("WEBP", {"quality": 80})):
            scaled.save(io.BytesIO(), fmt, **options)
    print(f"{time.perf_counter() - start:.3f}")


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2])
    else:
        baseline(sys.argv[2])
