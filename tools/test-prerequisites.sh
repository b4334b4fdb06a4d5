#!/usr/bin/env bash
# What the end-to-end tests need from the machine beyond a JDK, checked by `./mvnw verify` before
# they run (pom.xml, pre-integration-test; -DskipTests and -DskipITs skip it):
#   python3          ApiFuzzerIT runs tools/fuzz_api.py
#   chromium         ArticlePageBrowserIT drives headless Chromium ...
#   chromium-driver  ... through Debian's chromedriver
#   fonts-noto-core  ... and needs Noto for Arabic glyphs
#   webp             the service writes WebP renditions of photos with cwebp
#   nodejs, npm      MediaS3IT runs npm's s3rver, a real S3-compatible server, on 127.0.0.1 ...
#   s3rver           ... installed with npm into target/s3rver (not a Debian package)
#   varnish          the CDN tests (VarnishIT) put a real Varnish in front of the service ...
#   varnish-modules  ... purged by surrogate key with its vmod xkey
# Present: nothing is done. Missing: as root with apt-get, they are installed; otherwise the build
# stops here with the exact command to run, rather than minutes later in a failing test.
set -uo pipefail

# Where fonts-noto-core puts its fonts; a variable so that TestPrerequisitesScriptTest can stand in for it.
noto_fonts=${NOTO_FONTS_DIRECTORY:-/usr/share/fonts/truetype/noto}
# Where s3rver is installed; a variable for the same reason.
s3rver_directory=${S3RVER_DIRECTORY:-target/s3rver}
s3rver_version=3.7.1
# varnishd lives in sbin, not on every user's PATH; where Debian puts the vmods. Variables for the same reason.
varnishd=${VARNISHD:-/usr/sbin/varnishd}
varnish_vmods=${VARNISH_VMOD_DIRECTORY:-$(ls -d /usr/lib/*/varnish/vmods 2>/dev/null | head -n 1)}

missing=()
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
[ -d "$noto_fonts" ] || missing+=(fonts-noto-core)
command -v cwebp >/dev/null 2>&1 || missing+=(webp)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v varnishd >/dev/null 2>&1 || [ -x "$varnishd" ] || missing+=(varnish)
[ -n "$varnish_vmods" ] && [ -f "$varnish_vmods/libvmod_xkey.so" ] || missing+=(varnish-modules)

# s3rver comes from the npm registry, into the build's own directory: no root needed.
install_s3rver() {
  [ -f "$s3rver_directory/node_modules/s3rver/package.json" ] && return 0
  echo "test prerequisites: installing s3rver $s3rver_version into $s3rver_directory (npm)"
  if npm install --prefix "$s3rver_directory" --no-audit --no-fund --loglevel=error "s3rver@$s3rver_version"; then
    return 0
  fi
  echo "test prerequisites: npm could not install s3rver $s3rver_version" >&2
  return 1
}

if [ ${#missing[@]} -eq 0 ]; then
  install_s3rver
  exit $?
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "test prerequisites: installing ${missing[*]} (apt-get)"
  if apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; then
    install_s3rver
    exit $?
  fi
  echo "test prerequisites: apt-get could not install ${missing[*]}" >&2
  exit 1
fi

cat >&2 <<EOF
The end-to-end tests need ${missing[*]}, which this machine lacks. The build installs them
itself only as root with apt-get; install them, then run the build again:

    sudo apt-get install -y ${missing[*]}

(Elsewhere, install Python 3, Chromium with its chromedriver at /usr/bin/chromium and /usr/bin/chromedriver,
the Noto fonts, libwebp's cwebp, Node.js with npm, and Varnish 7 with varnish-modules (vmod xkey); or build without the end-to-end tests: ./mvnw -B verify -DskipITs)
EOF
exit 1
