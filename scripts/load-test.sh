#!/usr/bin/env bash
# Load test of the preview server, on loopback only.
#
#   scripts/load-test.sh [SECONDS] [MIN_RATE]
#
# Serves a copy of the site with `explainer serve` (the release build, or $EXPLAINER),
# holds wrk on it for SECONDS (default 30) across its pages while a content file
# changes every second (so rebuilds run all along), and fails unless wrk saw at least
# MIN_RATE (default 1000) requests per second, no failed request and no socket error.
# Then it asks for files outside the output in many encodings of `..` and fails if
# any answer is not a refusal or shows what is outside.
set -euo pipefail

seconds="${1:-30}"
min_rate="${2:-1000}"
here="$(cd "$(dirname "$0")/.." && pwd)"

if ! command -v wrk >/dev/null 2>&1; then
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
if [ -z "${EXPLAINER:-}" ]; then
    (cd "$here" && cargo build --release --quiet)
    EXPLAINER="$here/target/release/explainer"
fi

work="$(mktemp -d)"
server=""
editor=""
cleanup() {
    [ -n "$editor" ] && kill "$editor" 2>/dev/null || true
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

site="$work/site"
mkdir -p "$site"
cp -r "$here/content" "$here/templates" "$here/static" "$here/explainer.toml" "$site/"
secret="secret-$RANDOM-$RANDOM"
echo "$secret" >"$site/secret.txt"
echo "$secret" >"$work/secret.txt"

"$EXPLAINER" serve --root "$site" --port $((20000 + RANDOM % 20000)) >"$work/serve.log" 2>&1 &
server=$!
url=""
for _ in $(seq 1 120); do
    url="$(grep -oE 'http://127\.0\.0\.1:[0-9]+/[^ ]*' "$work/serve.log" | head -n 1 || true)"
    [ -n "$url" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.log"; exit 1; }
    sleep 0.5
done
[ -n "$url" ] || { echo "the server did not start:"; cat "$work/serve.log"; exit 1; }
origin="$(printf '%s' "$url" | grep -oE '^http://[^/]+')"
prefix="${url#"$origin"}"
echo "serving $url"

# Pages spread over every kind; wrk takes them in turn.
cat >"$work/paths.lua" <<EOF
local paths = {"", "notes/", "notes/lachin-corridor/", "timeline/", "glossary/", "sources/", "casualties/", "style.css", "atom.xml"}
local i = 0
request = function()
    i = i % #paths + 1
    return wrk.format("GET", "${prefix}" .. paths[i])
end
EOF

# One edit a second: every edit is a rebuild while the load runs.
page="$site/content/about.md"
(
    n=0
    while true; do
        n=$((n + 1))
        printf '\nEdit %s.\n' "$n" >>"$page"
        sleep 1
    done
) &
editor=$!

wrk -t2 -c64 -d"${seconds}s" --latency -s "$work/paths.lua" "$origin" | tee "$work/wrk.log"
kill "$editor" 2>/dev/null || true
editor=""
sleep 2

rate="$(awk '/^Requests\/sec/ {print int($2)}' "$work/wrk.log")"
total="$(awk '/requests in/ {print $1}' "$work/wrk.log")"
failed="$(awk '/Non-2xx or 3xx responses/ {print $5}' "$work/wrk.log")"
socket="$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$work/wrk.log")"
builds="$(grep -cE '^(Built|Rebuilt)' "$work/serve.log" || true)"
build_errors="$(grep -c 'error' "$work/serve.log" || true)"
echo
echo "requests: ${total:-0} in ${seconds} s, ${rate:-0} per second; failed: ${failed:-0}; socket errors: ${socket:-0}"
echo "builds during the run (serve's log): $builds; lines with errors: $build_errors"

status=0
[ "${rate:-0}" -ge "$min_rate" ] || { echo "FAIL: fewer than $min_rate requests per second"; status=1; }
[ "${failed:-0}" -eq 0 ] || { echo "FAIL: $failed requests failed"; status=1; }
[ "${socket:-0}" -eq 0 ] || { echo "FAIL: $socket socket errors"; status=1; }
[ "$builds" -ge 2 ] || { echo "FAIL: no rebuild happened while files changed"; status=1; }

# Traversal: `..` written plainly, percent-encoded once and twice, mixed case, with
# backslashes, overlong UTF-8, NUL, and absolute paths; outside the base path too.
traversals=(
    "/../../../../etc/passwd" "${prefix}../../../../etc/passwd" "${prefix}../secret.txt" "${prefix}../../secret.txt"
    "${prefix}%2e%2e/secret.txt" "${prefix}%2E%2E/%2E%2E/secret.txt" "${prefix}.%2e/secret.txt" "${prefix}%2e./secret.txt"
    "${prefix}..%2fsecret.txt" "${prefix}..%2Fsecret.txt" "${prefix}%2e%2e%2f%2e%2e%2fsecret.txt" "${prefix}%252e%252e/secret.txt"
    "${prefix}%25252e%25252e/secret.txt" "${prefix}..%252fsecret.txt" "${prefix}..\\secret.txt" "${prefix}..%5csecret.txt"
    "${prefix}..%255csecret.txt" "${prefix}%c0%ae%c0%ae/secret.txt" "${prefix}%c0%2e%c0%2e/secret.txt" "${prefix}%e0%80%ae%e0%80%ae/secret.txt"
    "${prefix}%00/../secret.txt" "${prefix}secret.txt%00.html" "${prefix}/etc/passwd" "${prefix}%2fetc%2fpasswd"
    "//etc/passwd" "${prefix}.../secret.txt" "${prefix}notes/../../secret.txt" "${prefix}notes/%2e%2e/%2e%2e/secret.txt"
    "${prefix}content/index.md" "${prefix}explainer.toml" "${prefix}../explainer.toml" "/explainer.toml"
)
leaks=0
refused=0
for path in "${traversals[@]}"; do
    code="$(curl -s --path-as-is -o "$work/body" -w '%{http_code}' "$origin$path" || echo 000)"
    if grep -qE "$secret|root:x:0:0|^base_url" "$work/body" 2>/dev/null; then
        echo "LEAK: $path -> $code"
        leaks=$((leaks + 1))
    elif [ "$code" = 200 ]; then
        echo "SERVED: $path -> 200 (what is it?)"
        leaks=$((leaks + 1))
    else
        refused=$((refused + 1))
    fi
done
echo "traversal attempts: ${#traversals[@]}, refused (4xx/3xx, nothing from outside): $refused, leaks: $leaks"
[ "$leaks" -eq 0 ] || status=1
kill -0 "$server" 2>/dev/null || { echo "FAIL: the server died"; status=1; }
exit "$status"
