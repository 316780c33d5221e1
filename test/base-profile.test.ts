import { describe, expect, it } from "vitest";
import { renderProfile } from "../src/backends/apparmor/render.js";
import { globToRegExp } from "../src/denials/suggest.js";

// What the base AppArmor profile (no interface connected) lets an app do,
// checked path by path against its file rules. Each "refuses" row was granted
// before the template was measured against snapd's default template.

const profile = renderProfile({ snapName: "app", revision: "x2", tag: "snap.app.app", complain: false, snippets: [] });
const vars: Record<string, string> = { SNAP_NAME: "app", SNAP_INSTANCE_NAME: "app", SNAP_REVISION: "x2" };

interface FileRule {
  readonly owner: boolean;
  readonly re: RegExp;
  readonly perms: string;
}
const fileRules: FileRule[] = profile
  .split("\n")
  .map((l) => l.replace(/#.*/, "").trim())
  .flatMap((l) => {
    const m = /^(owner\s+)?(\/\S*|@\{PROC\}\S*|@\{HOME\}\S*)\s+([a-z]+),$/.exec(l);
    if (!m) return [];
    const glob = m[2]!.replace(/@\{(SNAP_NAME|SNAP_INSTANCE_NAME|SNAP_REVISION)\}/g, (_x, v: string) => vars[v]!);
    return [{ owner: m[1] !== undefined, re: globToRegExp(glob), perms: m[3]! }];
  });
/** Whether the rules matching `p` together grant every permission in `want` (owner rules count: the app owns its files). */
const grants = (p: string, want: string) => {
  const have = fileRules.filter((r) => r.re.test(p)).map((r) => r.perms).join("");
  return [...want].every((c) => have.includes(c));
};

describe("the base profile", () => {
  it.each([
    ["/usr/bin/ls", "ix"],
    ["/usr/bin/python3.11", "ix"],
    ["/usr/bin/sed", "ix"],
    ["/bin/sh", "ix"],
    ["/usr/lib/x86_64-linux-gnu/libc.so.6", "mr"],
    ["/usr/lib/python3.11/os.py", "r"],
    ["/usr/share/zoneinfo/UTC", "r"],
    ["/usr/share/terminfo/x/xterm", "r"],
    ["/usr/share/locale/de/LC_MESSAGES/coreutils.mo", "r"],
    ["/snap/app/x2/bin/run", "mrix"],
    ["/var/snap/app/x2/db", "rw"],
    ["/var/snap/app/common/db", "rw"],
    ["/home/u/snap/app/x2/settings", "rw"],
    ["/home/u/snap/app/common/cache", "rw"],
    ["/home/u/snap/app/x1/settings", "r"],
    ["/dev/shm/snap.app.cache", "rw"],
    ["/dev/pts/3", "rw"],
    ["/proc/42/status", "r"],
  ])("grants %s (%s)", (p, perms) => expect(grants(p, perms)).toBe(true));

  it.each([
    ["/usr/bin/sudo", "x"],
    ["/usr/bin/curl", "x"],
    ["/usr/bin/systemctl", "x"],
    ["/usr/bin/node", "x"],
    ["/usr/share/doc/bash/copyright", "r"],
    ["/usr/share/keyrings/debian-archive-keyring.gpg", "r"],
    ["/lib/modules/6.1.0/modules.dep", "r"],
    ["/usr/lib/modules/6.1.0/kernel/fs/x.ko", "r"],
    ["/lib/firmware/regulatory.db", "r"],
    ["/usr/lib/x86_64-linux-gnu/libc.a", "m"],
    ["/dev/shm/other-program", "w"],
    ["/dev/shm/snap.other.cache", "w"],
    ["/proc/42/environ", "r"],
    ["/home/u/snap/app/x1/settings", "w"],
    ["/home/u/snap/other/x1/settings", "r"],
    ["/etc/", "r"],
    ["/usr/sbin/", "r"],
    ["/sbin/", "r"],
    ["/etc/shadow", "r"],
  ])("refuses %s (%s)", (p, perms) => expect(grants(p, perms)).toBe(false));

  it("makes and uses sockets only with its own snap, its own abstract names or inherited unnamed peers", () => {
    const unix = profile.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("unix"));
    for (const rule of unix) {
      // A rule with connect, send or receive must name its peer; one without a peer may only create and configure.
      if (!/peer=/.test(rule)) expect(rule).toMatch(/^unix \((create|getattr|getopt|setopt|shutdown|bind|listen)(, (create|getattr|getopt|setopt|shutdown|bind|listen))*\)( addr="@snap\.@\{SNAP_NAME\}\.\*\*")?,$/);
    }
    expect(unix).toContain("unix (bind, listen) addr=\"@snap.@{SNAP_NAME}.**\",");
  });

  it("grants no ptrace at all", () => {
    expect(profile).not.toMatch(/^\s*ptrace\b/m);
  });
});
