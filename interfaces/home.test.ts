import { describe, expect, it } from "vitest";
import { globToRegExp } from "../src/denials/index.js";
import home from "./home.js";
import { connectedContext, ruleLines, snippet } from "./test-support.js";

const rules = (attrs = {}) => ruleLines(snippet(home, "connectedPlug", connectedContext(home, attrs, {}, { system: true })));

/** Whether some rule (owner or not) of lines grants perms on file, with @{HOME} as /root. */
const grants = (lines: string[], file: string, perms: string) =>
  lines.some((l) => {
    const m = /^(?:owner )?(\S+) ([a-z]+),$/.exec(l);
    return !!m && !l.startsWith("audit") && globToRegExp(m[1]!.replace("@{HOME}", "/root")).test(file) && [...perms].every((p) => m[2]!.includes(p));
  });

describe("home", () => {
  it.each([
    ["/root/pb-home-file", "rw", true],
    ["/root/Documents/a.txt", "rwkl", true],
    ["/root/script.sh", "ix", false],
    ["/root/s", "rw", true],
    ["/root/snapshot.png", "rw", true],
    ["/root/.pb-hidden", "r", false],
    ["/root/.ssh/id_rsa", "r", false],
    ["/root/snap/other/1/data", "r", false],
    ["/run/user/0/gvfs/smb-share/file", "w", true],
  ])("%s with %s: %s", (file, perms, granted) => {
    expect(grants(rules(), file, perms)).toBe(granted);
  });

  it("never lets ~/bin be written, and lists ~/snap", () => {
    expect(rules()).toContain("audit deny @{HOME}/bin/{,**} wl,");
    expect(rules()).toContain("owner @{HOME}/snap/ r,");
  });

  it("with read: all reads other users' visible files too, not their hidden ones", () => {
    const all = rules({ read: "all" });
    expect(all).toContain("capability dac_read_search,");
    expect(all).toContain("@{HOME}/[^s.]** r,");
    expect(rules()).not.toContain("capability dac_read_search,");
  });
});
