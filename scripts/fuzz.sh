#!/usr/bin/env bash
# Fuzzes the parsers: front matter, Markdown, every data file, the config and templates.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Runs each target (default: all) for SECONDS (default 60) with its format's dictionary
# (fuzz/dicts/), on a stable toolchain (RUSTC_BOOTSTRAP=1 lets cargo-fuzz use the
# sanitizer flags it needs), installing cargo-fuzz when missing. Corpora start from the
# site's own files and grow in fuzz/corpus/; a crashing input is saved in
# fuzz/artifacts/TARGET/ and the script exits 1 after the last target. A summary line
# per target gives the time fuzzed and the runs made.
set -euo pipefail

seconds="${1:-60}"
shift || true
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here/fuzz"

all=(front_matter markdown data_file config template)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi
export RUSTC_BOOTSTRAP=1

# Seeds: files of the site and of the tests, matched by name.
seeds_for() {
    case "$1" in
        front_matter | markdown) echo '*.md' ;;
        data_file) echo '*.[tc][os][mv]*' ;;
        config) echo 'explainer.toml' ;;
        template) echo '*.html' ;;
    esac
}

cargo fuzz build -O
status=0
for target in "${targets[@]}"; do
    corpus="corpus/$target"
    mkdir -p "$corpus"
    if [ -z "$(ls -A "$corpus")" ]; then
        find "$here/content" "$here/templates" "$here/starter" "$here/tests/fixtures" "$here/tests/bad_inputs" "$here/explainer.toml" -name "$(seeds_for "$target")" -type f -size -64k \
            -exec sh -c 'for f; do cp "$f" "$0/seed-$(printf %s "$f" | cksum | cut -d" " -f1)"; done' "$corpus" {} +
        if [ "$target" = data_file ]; then
            # The first byte picks the data file among every registered kind's: try each.
            for seed in "$corpus"/seed-*; do
                for pick in 0 1 2 3 4 5 6 7; do
                    { printf "\\$(printf %03o "$pick")"; cat "$seed"; } >"$seed-$pick"
                done
                rm "$seed"
            done
        fi
    fi
    case "$target" in
        front_matter | markdown) dict=markdown ;;
        template) dict=template ;;
        *) dict=toml ;;
    esac
    log="$(mktemp)"
    started=$(date +%s)
    if cargo fuzz run -O "$target" "$corpus" -- \
        -dict="dicts/$dict.dict" -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 >"$log" 2>&1; then
        result="no crash"
    else
        result="FOUND A PROBLEM (see fuzz/artifacts/$target/)"
        status=1
        grep -E '^(==|thread|SUMMARY|panicked|.*panicked at)' "$log" | head -n 5 || true
    fi
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
    fuzzed=$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | grep -oE '[0-9]+ second' | grep -oE '[0-9]+' || echo "?")
    echo "$target: fuzzed ${fuzzed} s ($(($(date +%s) - started)) s with the build), $runs runs, corpus $(ls "$corpus" | wc -l) inputs: $result"
    rm -f "$log"
done
exit "$status"
