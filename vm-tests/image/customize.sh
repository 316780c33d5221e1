#!/bin/sh
# mmdebstrap customize hook: makes the freshly installed tree a test guest.
# $1 is the root directory; the guest files sit beside this script.
set -eu
R="$1"; HERE=$(dirname "$(readlink -f "$0")")
echo pbvm > "$R/etc/hostname"
chroot "$R" passwd -d root >/dev/null
# Mount points: the job share, and the directories a core-like system keeps
# writable (they must exist on the read-only image to be overlaid).
mkdir -p "$R/mnt/share" "$R/var/lib/plugboard" "$R/var/cache/plugboard" "$R/var/snap" "$R/etc/plugboard" "$R/var/cache/apparmor"
cat > "$R/etc/fstab" <<'FSTAB'
/dev/root / auto defaults 0 0
share /mnt/share 9p trans=virtio,version=9p2000.L,msize=262144,nofail,x-systemd.device-timeout=10s 0 0
FSTAB
install -m 755 "$HERE/guest/pbvm-init" "$HERE/guest/pbvm-runner" "$HERE/guest/pbvm-writable" "$R/usr/local/sbin/"
install -m 644 "$HERE/guest/pbvm-runner.service" "$R/etc/systemd/system/"
ln -sf /etc/systemd/system/pbvm-runner.service "$R/etc/systemd/system/multi-user.target.wants/pbvm-runner.service"
# Timers and services that only cost time in a throwaway guest.
for u in apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer e2scrub_reap.service fstrim.timer systemd-timesyncd.service; do
  ln -sf /dev/null "$R/etc/systemd/system/$u"
done
# Profiles Debian ships for desktop applications the guest does not have:
# compiling them at every first boot costs minutes under TCG. Abstractions,
# tunables and ABIs stay; Plugboard's profiles use them.
find "$R/etc/apparmor.d" -maxdepth 1 -type f -delete
# A process that ignores SIGTERM must not hold a reboot for systemd's
# default 90 s: the harness's own shutdown deadline is about as long.
mkdir -p "$R/etc/systemd/system.conf.d"
printf '[Manager]\nDefaultTimeoutStopSec=10s\n' > "$R/etc/systemd/system.conf.d/pbvm-stop.conf"
# No getty on the virtual consoles nobody looks at.
ln -sf /dev/null "$R/etc/systemd/system/getty@.service"
# No login on the serial console: the interactive checks start a root shell
# there through the job channel when they need one.
ln -sf /dev/null "$R/etc/systemd/system/serial-getty@ttyS0.service"
printf '9p\n9pnet_virtio\n' > "$R/etc/modules-load.d/9p.conf"
# Under TCG every probed driver costs seconds: keep hardware probing out.
printf 'blacklist %s\n' floppy kvm kvm_intel kvm_amd ata_piix ata_generic pata_acpi i2c_piix4 pcspkr intel_rapl_msr intel_rapl_common \
  > "$R/etc/modprobe.d/pbvm-blacklist.conf"
