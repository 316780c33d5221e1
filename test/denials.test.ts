import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtinRegistry } from "../interfaces/index.js";
import { globSpecificity, globToRegExp, interfacesGranting, parseDenials } from "../src/denials/index.js";
import { cli, EXAMPLES, ok, tempRoot } from "./helpers/cli.js";

// Sample records in the formats the kernel (AppArmor, seccomp audit) and
// dbus-daemon (AppArmor mediation, USER_AVC) write them.
const LOG = [
  'Nov 22 10:00:01 host kernel: audit: type=1400 audit(1763805601.123:101): apparmor="DENIED" operation="open" class="file" profile="snap.foo.foo" name="/dev/video0" pid=4242 comm="foo" requested_mask="wr" denied_mask="wr" fsuid=1000 ouid=0',
  'Nov 22 10:00:02 host kernel: audit: type=1400 audit(1763805602.000:102): apparmor="DENIED" operation="open" class="file" profile="snap.foo.foo" name="/dev/video0" pid=4242 comm="foo" requested_mask="wr" denied_mask="wr" fsuid=1000 ouid=0',
  'Nov 22 10:00:03 host kernel: audit: type=1400 audit(1763805603.000:103): apparmor="DENIED" operation="open" class="file" profile="snap.foo.foo" name="/var/log/syslog" pid=4242 comm="foo" requested_mask="r" denied_mask="r" fsuid=1000 ouid=0',
  'Nov 22 10:00:04 host kernel: audit: type=1400 audit(1763805604.000:104): apparmor="DENIED" operation="capable" class="cap" profile="snap.foo.foo" pid=4242 comm="foo" capability=21 capname="sys_admin"',
  'Nov 22 10:00:05 host dbus-daemon[812]: [system] apparmor="DENIED" operation="dbus_method_call" bus="system" path="/org/bluez" interface="org.freedesktop.DBus.ObjectManager" member="GetManagedObjects" mask="send" name="org.bluez" pid=5151 label="snap.baz.baz" peer_pid=820 peer_label="unconfined"',
  'Nov 22 10:00:06 host kernel: audit: type=1326 audit(1763805606.000:106): auid=1000 uid=1000 gid=1000 ses=3 subj=snap.bar.bar pid=6161 comm="bar" exe="/snap/bar/x1/bin/bar" sig=0 arch=c000003e syscall=41 compat=0 ip=0x7f0000 code=0x50000',
  'Nov 22 10:00:07 host kernel: audit: type=1400 audit(1763805607.000:107): apparmor="DENIED" operation="open" class="file" profile="/usr/sbin/cupsd" name="/etc/shadow" pid=1 comm="cupsd" requested_mask="r" denied_mask="r"',
  "Nov 22 10:00:08 host kernel: some unrelated line",
].join("\n");

describe("denials", () => {
  it("parses file, capability, dbus and seccomp records of snaps only", () => {
    const d = parseDenials(LOG);
    expect(d.map((x) => [x.kind, x.label])).toEqual([
      ["file", "snap.foo.foo"],
      ["file", "snap.foo.foo"],
      ["file", "snap.foo.foo"],
      ["capability", "snap.foo.foo"],
      ["dbus", "snap.baz.baz"],
      ["syscall", "snap.bar.bar"],
    ]);
    expect(d[5]).toMatchObject({ syscall: "socket" });
  });

  it.each([
    [{ kind: "file", label: "snap.a.a", operation: "open", path: "/dev/video0", mask: "wr", line: "" }, "camera"],
    [{ kind: "file", label: "snap.a.a", operation: "open", path: "/var/log/syslog", mask: "r", line: "" }, "log-observe"],
    // raw-usb grants USB serial adapters' nodes by name, as snapd's does; serial-port's USB form only by pattern.
    [{ kind: "file", label: "snap.a.a", operation: "open", path: "/dev/ttyUSB0", mask: "rw", line: "" }, "raw-usb"],
    [{ kind: "file", label: "snap.a.a", operation: "open", path: "/run/docker.sock", mask: "rw", line: "" }, "docker"],
    [{ kind: "file", label: "snap.a.a", operation: "open", path: "/dev/snd/controlC0", mask: "wr", line: "" }, "alsa"],
    [{ kind: "file", label: "snap.a.a", operation: "open", path: "/dev/kvm", mask: "rw", line: "" }, "kvm"],
    // kernel-module-observe allows syslog(2) among fewer calls than log-observe does.
    [{ kind: "syscall", label: "snap.a.a", syscall: "syslog", line: "" }, "kernel-module-observe"],
  ] as const)("suggests %j as %s first, before broad super-privileged grants", (denial, iface) => {
    const found = interfacesGranting(denial, builtinRegistry());
    expect(found[0]).toBe(iface);
    if (denial.kind === "file") expect(found).toContain("docker-support");
  });

  it("ranks globs by what they pin down, not by their length", () => {
    expect(globSpecificity("/**")).toBe(1);
    expect(globSpecificity("/var/log/**")).toBe(9);
    expect(globSpecificity("/dev/video[0-9]*")).toBe(10);
    expect(globSpecificity("@{PROC}/sys/kernel/dmesg_restrict")).toBe(26);
    expect(globSpecificity("/{,usr/}bin/*")).toBe(9);
  });

  it("translates AppArmor globs", () => {
    expect(globToRegExp("/dev/video[0-9]*").test("/dev/video12")).toBe(true);
    expect(globToRegExp("/sys/devices/**/video4linux/**").test("/sys/devices/pci0/usb1/video4linux/video0/name")).toBe(true);
    expect(globToRegExp("/{,usr/}bin/*").test("/usr/bin/ls")).toBe(true);
    expect(globToRegExp("/dev/video[0-9]*").test("/dev/vide0")).toBe(false);
  });

  it("groups by snap and app and says which plug to connect", async () => {
    const { root, cleanup } = await tempRoot();
    try {
      await ok(root, "install", "--dangerous", `${EXAMPLES}/foo`);
      await ok(root, "install", "--dangerous", `${EXAMPLES}/baz`);
      const log = path.join(root, "kern.log");
      await writeFile(log, LOG);
      const rows = JSON.parse(await ok(root, "denials", "--file", log, "--json"));
      const by = (access: string) => rows.find((r: { access: string }) => r.access === access);
      expect(by("open /dev/video0 (wr)")).toMatchObject({ snap: "foo", app: "foo", count: 2, suggestion: "connect foo:camera to grant open /dev/video0 (wr)" });
      expect(by("open /var/log/syslog (r)")).toMatchObject({ suggestion: "connect foo:log-observe to grant open /var/log/syslog (r)" });
      expect(by("D-Bus system org.freedesktop.DBus.ObjectManager.GetManagedObjects on /org/bluez (org.bluez)")).toMatchObject({ snap: "baz", suggestion: expect.stringMatching(/^connect baz:bluez to grant/) });
      // bar is not installed here: the interface is still named.
      expect(by("system call socket (seccomp)").suggestion).toMatch(/^the [a-z-]+ interface grants system call socket \(seccomp\); bar is not installed$/);
      const onlyBaz = JSON.parse(await ok(root, "denials", "baz", "--file", log, "--json"));
      expect(onlyBaz.map((r: { snap: string }) => r.snap)).toEqual(["baz"]);
      const bad = await cli(root, "denials", "Baz!", "--file", log);
      expect(bad.exitCode).not.toBe(0);
      expect(bad.stderr).toMatch(/snap name/);
      const text = await ok(root, "denials", "--file", log);
      expect(text).toContain("foo.foo:\n  capability sys_admin\n");
      expect(text).toContain("  open /dev/video0 (wr) (2 times)\n    → connect foo:camera to grant open /dev/video0 (wr)");
    } finally {
      await cleanup();
    }
  });
});
