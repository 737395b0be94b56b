#!/usr/bin/env bash
# Measures the image pipeline: a first build of a site of camera photographs (every image
# decoded, scaled and encoded), then a build with nothing changed (every image from the
# cache: none is decoded or encoded).
#
#   scripts/bench-images.sh                  # 20 photographs of 4000x3000
#   PHOTOS=5 SIZE="2000 1500" scripts/bench-images.sh
#
# The site comes from `cargo run --release --example photos -- N DIR W H`, in BENCH_DIR
# (default /dev/shm/explainer-images). It runs each build once: it takes the machine's
# every core for a while.
set -euo pipefail

photos="${PHOTOS:-20}"
size="${SIZE:-4000 3000}"
work="${BENCH_DIR:-/dev/shm/explainer-images}"
here="$(cd "$(dirname "$0")/.." && pwd)"

if [ ! -x /usr/bin/time ]; then
    apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
cd "$here"
cargo build --release --quiet --bin explainer --example photos
# Cargo builds into CARGO_TARGET_DIR when it is set (relative paths from the project).
release="${CARGO_TARGET_DIR:-target}/release"
case "$release" in /*) ;; *) release="$here/$release" ;; esac
explainer="$release/explainer"

rm -rf "$work"
# shellcheck disable=SC2086
"$release/examples/photos" "$photos" "$work" $size
echo "== $photos photographs of ${size/ /x}, $(du -sh "$work/content/images" | cut -f1) of JPEG with camera EXIF"

measure() {
    /usr/bin/time -f "%e s wall, %U s user, %M KB peak" "$explainer" build --root "$work" 2>&1 | sed 's/^/  /'
}
echo "first build (empty image cache):"
measure
echo "rebuild, nothing changed:"
measure
echo "output: $(find "$work/public" -name '*.jpg' -o -name '*.webp' | wc -l) image files, $(du -sh "$work/public" | cut -f1)"
