#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for GigaEvo; safe to run again (installs only what is missing).
# --test adds what the test suite needs beyond the product: Debian's Chromium (and fonts) for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(python3 python3-numpy python3-scipy python3-pandas python3-sklearn procps)
if [ "${1:-}" = "--test" ]; then
  packages+=(chromium fonts-liberation fonts-dejavu-core)
fi

need_apt=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pkg in "${packages[@]}"; do
  have_pkg "$pkg" || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2
  exit 1
fi
dotnet restore GigaEvo.sln --verbosity quiet
