#!/usr/bin/env bash
# Installs the Debian packages Plugboard builds and tests with, when missing:
# a C compiler and libseccomp (the seccomp compiler helper), apparmor
# (apparmor_parser), bubblewrap (the launcher), squashfs-tools (.snap images)
# and python3 (used by tests). Run as root.
set -euo pipefail
need=()
command -v mksquashfs >/dev/null || need+=(squashfs-tools)
command -v apparmor_parser >/dev/null || need+=(apparmor)
command -v cc >/dev/null || need+=(gcc libc6-dev)
[ -e /usr/include/seccomp.h ] || need+=(libseccomp-dev)
command -v bwrap >/dev/null || need+=(bubblewrap)
[ -x /usr/bin/python3 ] || need+=(python3)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages: ${need[*]} (run this script as root)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
