#!/usr/bin/env bash
# The action's install step: puts `explainer` on the PATH of the job's later steps.
#
# It downloads the release archive for this runner and checks it against the release's
# SHA-256 checksum; a mismatch stops the job. When the release has no archive for this
# runner, it builds the same version with `cargo install --locked` instead.
#
# Inputs (environment): INPUT_VERSION (empty: this action's own version), INPUT_RELEASES_URL
# (empty: the releases of the action's repository on GitHub), ACTION_REPOSITORY.
set -euo pipefail

action_dir="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
repository="${ACTION_REPOSITORY:-}"
if [ -z "$repository" ]; then
  # github.action_repository is not always set for composite actions; the runner keeps an
  # action's files in _actions/OWNER/REPO/REF.
  case "${action_dir//\\//}" in
    */_actions/*/*/*)
      repo_dir="$(dirname "${action_dir//\\//}")"
      repository="$(basename "$(dirname "$repo_dir")")/$(basename "$repo_dir")"
      ;;
  esac
fi
own_version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$action_dir/Cargo.toml" | head -n 1)"
version="${INPUT_VERSION:-}"
version="${version#v}"
version="${version:-$own_version}"

case "${RUNNER_OS:-}-${RUNNER_ARCH:-}" in
  Linux-X64) target=x86_64-unknown-linux-gnu archive=tar.gz ;;
  Linux-ARM64) target=aarch64-unknown-linux-gnu archive=tar.gz ;;
  macOS-X64) target=x86_64-apple-darwin archive=tar.gz ;;
  macOS-ARM64) target=aarch64-apple-darwin archive=tar.gz ;;
  Windows-X64) target=x86_64-pc-windows-msvc archive=zip ;;
  *) target="" archive="" ;;
esac

releases="${INPUT_RELEASES_URL:-}"
if [ -z "$releases" ] && [ -n "$repository" ]; then
  releases="https://github.com/$repository/releases/download"
fi

install_root="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/explainer-$version"
bin_dir="$install_root/bin"
mkdir -p "$bin_dir"

sha256_check() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum -c "$1"
  else
    shasum -a 256 -c "$1"
  fi
}

# Downloads and checks the release archive; returns 1 when the release has none for this runner.
download() {
  local name="explainer-$target"
  local work
  work="$(mktemp -d)"
  if ! curl -fsSL --retry 3 -o "$work/$name.$archive" "$releases/v$version/$name.$archive" ||
    ! curl -fsSL --retry 3 -o "$work/$name.sha256" "$releases/v$version/$name.sha256"; then
    echo "No release archive $name.$archive with its checksum file for explainer $version at $releases."
    rm -rf "$work"
    return 1
  fi
  if ! (cd "$work" && sha256_check "$name.sha256"); then
    echo "::error::$name.$archive does not match its SHA-256 checksum: not installed"
    exit 1
  fi
  if [ "$archive" = zip ] && command -v unzip >/dev/null 2>&1; then
    unzip -o -q "$work/$name.zip" -d "$bin_dir"
  elif [ "$archive" = zip ]; then
    7z x -y -o"$bin_dir" "$work/$name.zip" >/dev/null
  else
    tar -xzf "$work/$name.tar.gz" -C "$bin_dir"
  fi
  rm -rf "$work"
}

if [ -n "$target" ] && [ -n "$releases" ] && download; then
  echo "Installed the release binary of explainer $version for $target."
elif [ "$version" = "$own_version" ]; then
  echo "Building explainer $version from this action's source with cargo install."
  cargo install --locked --root "$install_root" --path "$action_dir"
elif [ -n "$repository" ]; then
  echo "Building explainer $version from its tag with cargo install."
  cargo install --locked --root "$install_root" \
    --git "https://github.com/$repository" --tag "v$version" explainer
else
  echo "::error::no release binary of explainer $version for this runner, and no source to build it from"
  exit 1
fi

echo "$bin_dir" >>"${GITHUB_PATH:?GITHUB_PATH is not set}"
"$bin_dir/explainer" --version
echo "version=$version" >>"${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
