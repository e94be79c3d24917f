#!/usr/bin/env bash
# Installs what the tests need from the system on a fresh Debian machine: Chromium for the
# browser tests (driven by playwright-core; no browser download) and a font for the charts
# rendered into report e-mails. Idempotent and quiet when everything is there. Needs root for
# apt-get; otherwise it says what to install.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-liberation >/dev/null 2>&1 || need+=(fonts-liberation)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Centric tests need these Debian packages: ${need[*]}. Install them as root: apt-get update && apt-get install -y ${need[*]}" >&2
  exit 1
fi

echo "Installing system packages for the tests: ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "Installed: $(chromium --version 2>/dev/null || echo chromium)" >&2
