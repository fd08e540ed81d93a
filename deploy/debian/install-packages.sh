#!/usr/bin/env bash
# Installs the Debian 12 packages UpPerson builds, runs and tests with. Safe to run again.
#   libgtk-3-0         OpenCvSharp's official Linux runtime links against GTK 3.
#   opencv-doc         ships the sample video vtest.avi used by the demo and the tests.
#   patchelf g++ binutils
#                      patch TorchSharp's native library for Debian 12's older libstdc++ at build time.
#   ffmpeg             makes short, truncated and broken videos for the ingest tests.
set -euo pipefail

packages=(libgtk-3-0 opencv-doc patchelf g++ binutils ffmpeg ca-certificates)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "error: these Debian packages are missing and sudo is not available: ${missing[*]}. Install them as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  sudo="sudo"
fi

echo "Installing Debian packages: ${missing[*]}"
$sudo apt-get update -q
# sudo resets the environment, so the variable is passed through env.
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
