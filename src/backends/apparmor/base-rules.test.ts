import { describe, expect, it } from "vitest";
import { globToRegExp } from "../../denials/suggest.js";
import { HOST_TOOLS, LIBRARY_TREE_RULES, treeExcept } from "./base-rules.js";

const covered = (rules: readonly string[], p: string) => rules.some((g) => globToRegExp(g).test(p));

describe("treeExcept", () => {
  const rules = treeExcept("/usr/lib/", ["firmware", "modules"]);
  it.each([
    "/usr/lib/",
    "/usr/lib/x86_64-linux-gnu/libc.so.6",
    "/usr/lib/python3.11/os.py",
    "/usr/lib/fi",
    "/usr/lib/firm/x",
    "/usr/lib/firmwarex",
    "/usr/lib/mod",
    "/usr/lib/mod/a/b",
    "/usr/lib/modules-load.d/x.conf",
    "/usr/lib/m4/x",
    "/usr/lib/locale/C.utf8/LC_CTYPE",
    "/usr/lib/systemd/systemd",
  ])("covers %s", (p) => expect(covered(rules, p)).toBe(true));
  it.each(["/usr/lib/modules", "/usr/lib/modules/", "/usr/lib/modules/6.1.0/kernel/x.ko", "/usr/lib/firmware/", "/usr/lib/firmware/brcm/x.bin"])(
    "leaves out %s",
    (p) => expect(covered(rules, p)).toBe(false),
  );
  it("refuses names that are not plain file names", () => {
    expect(() => treeExcept("/usr/lib/", ["a*"])).toThrow(/not a plain file name/);
    expect(() => treeExcept("/usr/lib", ["x"])).toThrow(/ending in/);
  });
});

describe("the base template's values", () => {
  it("reads every library tree but the kernel's modules and firmware, under /lib and /usr/lib alike", () => {
    for (const p of ["/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/libm.so.6", "/lib64/ld-linux-x86-64.so.2", "/usr/lib32/libc.so.6"]) expect(covered(LIBRARY_TREE_RULES, p), p).toBe(true);
    for (const p of ["/lib/modules/6.1/modules.dep", "/usr/lib/modules/6.1/modules.dep", "/lib/firmware/regulatory.db", "/usr/lib/firmware/x"]) expect(covered(LIBRARY_TREE_RULES, p), p).toBe(false);
  });

  it("names host tools as plain file names, each once, and not the broad ones", () => {
    for (const t of HOST_TOOLS) expect(t).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(new Set(HOST_TOOLS).size).toBe(HOST_TOOLS.length);
    // Programs that change the system or escape confinement are not among them.
    for (const t of ["sudo", "su", "mount", "umount", "insmod", "modprobe", "systemctl", "apt", "dpkg", "nsenter", "unshare", "bwrap", "aa-exec", "snap", "plugboard", "node", "curl"]) {
      expect(HOST_TOOLS).not.toContain(t);
    }
  });
});
