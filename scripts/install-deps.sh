#!/usr/bin/env bash
# Installs the Debian packages Plugboard builds and tests with, when missing:
# a C compiler and libseccomp (the seccomp compiler helper), apparmor
# (apparmor_parser), bubblewrap (the launcher), squashfs-tools (.snap images)
# python3 (used by tests) and Debian's snapd package, whose real `snap`
# command the API tests drive (its daemon is not started: they point it at
# the agent's socket). With --vm, also what the VM tests need to build
# their guest image and boot it: mmdebstrap, QEMU and e2fsprogs. Run as root.
set -euo pipefail
need=()
if [ "${1:-}" = "--vm" ]; then
  command -v mmdebstrap >/dev/null || need+=(mmdebstrap)
  command -v eatmydata >/dev/null || need+=(eatmydata)
  command -v qemu-system-x86_64 >/dev/null || need+=(qemu-system-x86)
  command -v qemu-img >/dev/null || need+=(qemu-utils)
  command -v mkfs.ext4 >/dev/null || need+=(e2fsprogs)
fi
command -v mksquashfs >/dev/null || need+=(squashfs-tools)
command -v apparmor_parser >/dev/null || need+=(apparmor)
command -v cc >/dev/null || need+=(gcc libc6-dev)
[ -e /usr/include/seccomp.h ] || need+=(libseccomp-dev)
# The launcher's helper is linked statically: it needs the C library's archive.
ls /usr/lib/*/libc.a /usr/lib/libc.a >/dev/null 2>&1 || need+=(libc6-dev)
command -v bwrap >/dev/null || need+=(bubblewrap)
[ -x /usr/bin/python3 ] || need+=(python3)
command -v snap >/dev/null || need+=(snapd)
# snapd-glib (GNOME Software's and Settings' snapd client), driven from Python by the API tests.
[ -e /usr/lib/girepository-1.0/Snapd-2.typelib ] || ls /usr/lib/*/girepository-1.0/Snapd-2.typelib >/dev/null 2>&1 || need+=(gir1.2-snapd-2)
/usr/bin/python3 -c 'import gi' 2>/dev/null || need+=(python3-gi)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages: ${need[*]} (run this script as root)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
