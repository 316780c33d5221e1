import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import m from "./system-observe.js";

const rules = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));

describe("system-observe", () => {
  it.each([
    // What snapd grants.
    ["@{PROC}/*/{,task/*/}cmdline r,", true],
    ["@{PROC}/*/{,task/*/}exe r,", true],
    ["@{PROC}/*/{,task/*/}attr/{,apparmor/}current r,", true],
    ["@{PROC}/tty/drivers r,", true],
    ["@{PROC}/kallsyms r,", true],
    ["/boot/config* r,", true],
    ["/sys/fs/{btrfs,ext4}/{,**} r,", true],
    ["dbus (send) bus=system path=/org/freedesktop/hostname1 interface=org.freedesktop.DBus.Properties member=Get{,All},", true],
    ["dbus (send) bus=system path=/org/freedesktop/systemd1 interface=org.freedesktop.systemd1.Manager member={GetUnit,ListUnits} peer=(label=unconfined),", true],
    // What the VM row reads after connecting.
    ["@{PROC}/{loadavg,meminfo,uptime,cpuinfo,version,filesystems} r,", true],
    // Broader than snapd: gone.
    ["/sys/fs/cgroup/** r,", false],
    ["@{PROC}/[0-9]*/{stat,statm,status,cmdline,comm,cgroup,io,oom_score,sched,schedstat,wchan,loginuid,sessionid} r,", false],
  ])("%s granted: %s", (rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });

  it("never grants tracing or other processes' memory maps", () => {
    expect(rules).not.toContain("ptrace (trace),");
    expect(rules.some((l) => /\/(smaps|maps|mem) r,$/.test(l))).toBe(false);
  });
});
