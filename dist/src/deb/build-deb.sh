#!/bin/sh
# Builds the Debian package: a runtime of only the modules the jar needs (jdeps, jlink) and
# jpackage's launcher, so the installed command needs no JDK. Run by the build (mvn -Pdeb).
#   build-deb.sh JAR VERSION DOCS_DIR LICENSE RESOURCE_DIR WORK_DIR DEST_DIR
set -eu
jar=$1 version=$2 docs=$3 license=$4 resources=$5 work=$6 dest=$7
bin=${JAVA_HOME:?the build sets JAVA_HOME}/bin

if [ ! -f "$JAVA_HOME/jmods/java.base.jmod" ]; then
  echo "build-deb: $JAVA_HOME has no jmods for jlink (Debian: apt-get install openjdk-17-jmods)" >&2
  exit 1
fi
for tool in fakeroot dpkg-deb; do
  command -v "$tool" >/dev/null || {
    echo "build-deb: jpackage needs $tool (Debian: apt-get install fakeroot dpkg)" >&2
    exit 1
  }
done

rm -rf "$work" && mkdir -p "$work/app"
cp "$jar" "$work/app/xtream-doctor.jar"
cp -R "$docs/completion" "$docs/man" "$work/app/"

# What the jar's classes refer to, plus what they reach only by name at run time: EC for TLS
# key exchange with panels, the extra charsets a panel may answer in, the zip file system,
# and the date and number formats of the languages the catalogue speaks.
modules=$("$bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar")
modules=$modules,jdk.crypto.ec,jdk.charsets,jdk.zipfs,jdk.localedata
echo "build-deb: modules $modules"
# Uncompressed, with a CDS archive of its own classes: start-up time over size (the .deb is
# compressed anyway). java.desktop is there for java.beans (Drools, MVEL): its native graphics,
# font, image and sound libraries are left out, so the package depends on no X11, ALSA or
# FreeType (jpackage derives Depends from the libraries the runtime links).
desktop_natives=$(printf '**/%s.so,' libawt_xawt libjawt libsplashscreen libfontmanager \
  libjavajpeg liblcms libjsound)
"$bin/jlink" --add-modules "$modules" --include-locales en,es,fr,de,pt,it \
  --exclude-files "${desktop_natives%,}" \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
  --output "$work/runtime"

# dpkg-deb's default, xz -6, takes minutes over the runtime; xz -1 on two threads takes seconds
# for a package ~8 % bigger. A release build may ask for more (DPKG_DEB_COMPRESSOR_LEVEL=9).
export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-xz}"
export DPKG_DEB_COMPRESSOR_LEVEL="${DPKG_DEB_COMPRESSOR_LEVEL:-1}"
export DPKG_DEB_THREADS_MAX="${DPKG_DEB_THREADS_MAX:-2}"

# Debian versions sort 0.1.0~SNAPSHOT before 0.1.0.
deb_version=$(echo "$version" | sed 's/-/~/')
"$bin/jpackage" --type deb --dest "$dest" \
  --name xtream-doctor --app-version "$deb_version" \
  --description "Tells why an IPTV app cannot log in to an Xtream Codes panel, and what to do" \
  --vendor xtream-doctor --license-file "$license" \
  --linux-package-name xtream-doctor --linux-app-category utils \
  --linux-deb-maintainer "xtream-doctor developers <xtream-doctor@example.org>" \
  --resource-dir "$resources" \
  --input "$work/app" --main-jar xtream-doctor.jar --main-class dev.xtreamdoctor.cli.Main \
  --runtime-image "$work/runtime" \
  --java-options "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Dxtreamdoctor.launcher=xtream-doctor"
