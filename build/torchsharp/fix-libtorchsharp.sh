#!/usr/bin/env bash
# Makes TorchSharp's libLibTorchSharp.so loadable where the system libstdc++ predates GCC 13.
#
# Usage: fix-libtorchsharp.sh NATIVE_DIR
#   NATIVE_DIR is the build output folder holding libLibTorchSharp.so (runtimes/linux-x64/native).
#
# The library needs GLIBCXX_3.4.32 for one symbol only, std::ios_base_library_init(). This script
#   1. does nothing when the system libstdc++ already provides GLIBCXX_3.4.32;
#   2. otherwise clears that symbol's version requirement (patchelf --clear-symbol-version),
#   3. marks the GLIBCXX_3.4.32 entry of the version-needs table weak, so the loader only warns
#      instead of failing when the version is absent,
#   4. builds a small shared library that defines the symbol and adds it as a dependency.
# It is idempotent: a library that no longer requires GLIBCXX_3.4.32 strictly is left alone.
set -euo pipefail

native_dir=${1:?usage: fix-libtorchsharp.sh NATIVE_DIR}
library="$native_dir/libLibTorchSharp.so"
shim_name=libupperson_glibcxx_shim.so
symbol=_ZSt21ios_base_library_initv
script_dir=$(cd "$(dirname "$0")" && pwd)

[[ -f "$library" ]] || exit 0

system_libstdcxx=$(/sbin/ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}')
if [[ -n "$system_libstdcxx" ]] && grep -c GLIBCXX_3.4.32 "$system_libstdcxx" >/dev/null; then
  exit 0
fi

for tool in readelf patchelf g++ dd; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "error: TorchSharp needs a patched libLibTorchSharp.so on this system (its libstdc++ lacks GLIBCXX_3.4.32), and '$tool' is missing. Install it with: sudo apt-get install -y patchelf g++ binutils" >&2
    exit 1
  fi
done

# Read the tables once: grep -q closing the pipe early would trip pipefail.
version_tables=$(readelf -V "$library")
if [[ "$version_tables" != *"Name: GLIBCXX_3.4.32  Flags: none"* ]]; then
  exit 0
fi

patchelf --clear-symbol-version "$symbol" "$library"

# Elf64_Vernaux is {u32 hash, u16 flags, u16 other, u32 name, u32 next}; VER_FLG_WEAK is 0x2.
section_offset=$(awk '/Version needs section/ {found=1} found && /Offset:/ {print $4; exit}' <<<"$version_tables")
entry_offset=$(awk '/Version needs section/ {found=1} found && /Name: GLIBCXX_3.4.32/ {sub(":", "", $1); print $1; exit}' <<<"$version_tables")
if [[ -z "$section_offset" || -z "$entry_offset" ]]; then
  echo "error: could not find the GLIBCXX_3.4.32 entry in the version-needs table of $library; TorchSharp's native library layout changed, so this fix needs updating." >&2
  exit 1
fi
printf '\x02\x00' | dd of="$library" bs=1 seek=$((section_offset + entry_offset + 4)) conv=notrunc status=none

g++ -shared -fPIC -O2 -o "$native_dir/$shim_name" "$script_dir/ios_base_library_init.cpp"
patchelf --add-needed "$shim_name" "$library"

echo "Patched $library for a libstdc++ without GLIBCXX_3.4.32."
