#!/usr/bin/env bash
# The action's build step: `explainer build` with the action's inputs (INPUT_ROOT,
# INPUT_BASE_URL, INPUT_DRAFTS). Reports the folder the site was written to as the step's
# `output-dir` output, for actions/upload-pages-artifact.
set -euo pipefail

args=(build --root "${INPUT_ROOT:-.}")
if [ -n "${INPUT_BASE_URL:-}" ]; then
  args+=(--base-url "$INPUT_BASE_URL")
fi
case "${INPUT_DRAFTS:-false}" in
  true) args+=(--drafts) ;;
  false | "") ;;
  *)
    echo "::error::the drafts input is true or false, not '${INPUT_DRAFTS}'"
    exit 1
    ;;
esac

log="$(mktemp)"
explainer "${args[@]}" | tee "$log"
# The build's last line: "Built N pages in T ms into FOLDER".
output="$(sed -n 's/^Built [0-9]* pages in [0-9]* ms into //p' "$log" | tail -n 1)"
rm -f "$log"
if [ -z "$output" ]; then
  echo "::error::explainer build did not say where it wrote the site"
  exit 1
fi
echo "output-dir=$output" >>"${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
