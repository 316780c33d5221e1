import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import systemBackup from "./system-backup.js";

const rules = ruleLines(snippet(systemBackup, "connectedPlug", connectedContext(systemBackup, {}, {}, { system: true })));

/** Whether a path-rule glob of the snippet matches p (enough AppArmor glob syntax for these rules). */
function matches(glob: string, p: string): boolean {
  const alternatives = (g: string): string[] => {
    const m = /\{([^{}]*)\}/.exec(g);
    return m ? m[1]!.split(",").flatMap((alt) => alternatives(g.slice(0, m.index) + alt + g.slice(m.index + m[0].length))) : [g];
  };
  return alternatives(glob).some((g) => {
    const re = g.replace(/[.+()|$]/g, "\\$&").replace(/\*\*/g, "\0").replace(/\*/g, "[^/]*").replace(/\0/g, ".*").replace(/\[\^/g, "[^");
    return new RegExp(`^${re}$`).test(p);
  });
}
const readable = (p: string) => rules.filter((r) => r.endsWith(" r,")).some((r) => matches(r.slice(0, -3), p));

describe("system-backup", () => {
  it("reads files regardless of their mode", () => expect(rules).toContain("capability dac_read_search,"));

  it.each(["/etc/shadow", "/home/u/.ssh/id_rsa", "/var/lib/x", "/srv/data", "/snap/foo/1/meta/snap.yaml", "/device-data/x", "/sysroot/x", "/processing/y", "/dev", "/sys/", "/proc"])(
    "reads %s",
    (p) => expect(readable(p)).toBe(true),
  );

  it.each(["/dev/sda", "/sys/kernel/security/apparmor/.access", "/proc/1/environ", "/proc/self/mem"])("does not read %s", (p) => expect(readable(p)).toBe(false));

  it("grants nothing but reading", () => {
    for (const r of rules.filter((l) => l.startsWith("/"))) expect(r).toMatch(/ r,$/);
  });
});
