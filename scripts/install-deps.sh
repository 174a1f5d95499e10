#!/usr/bin/env bash
# Installs the Debian packages ctnn needs, only those that are missing, as root or via sudo.
# Usage: scripts/install-deps.sh [--with-clang] [--with-arm]
set -euo pipefail

packages=(cmake ninja-build g++ ccache doctest-dev libbenchmark-dev)
for arg in "$@"; do
  case "$arg" in
    --with-clang) packages+=(clang libclang-rt-14-dev) ;;
    --with-arm) packages+=(gcc-arm-none-eabi libnewlib-arm-none-eabi libstdc++-arm-none-eabi-newlib qemu-system-arm binutils-arm-none-eabi) ;;
    *) echo "install-deps: unknown option $arg" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "ctnn: all required Debian packages are installed."
  exit 0
fi

echo "ctnn: installing missing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "ctnn: need root (or sudo) to install: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "ctnn: installed ${missing[*]}"
