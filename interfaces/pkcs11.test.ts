import { describe, expect, it } from "vitest";
import { AttributeProblem, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, permanentContext, plugInfo, ruleLines, seccompOf, snippet } from "./test-support.js";
import mod from "./pkcs11.js";

const m: InterfaceModule = mod;
const slot = (attrs: AttrMap) => plugInfo("gadget", "pkcs11", attrs);
const SOCKET = { "pkcs11-socket": "/run/p11-kit/pkcs11-optee-slot-0" };

describe("pkcs11", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["no socket", {}, /must set "pkcs11-socket"/],
    ["a number", { "pkcs11-socket": 22 }, /must be a string, not 22/],
    ["another directory", { "pkcs11-socket": "/run/p12-kit/pkcs11-optee-slot-0" }, /directly in \/run\/p11-kit/],
    ["a subdirectory", { "pkcs11-socket": "/run/p11-kit/p11/pkcs11-optee-slot-0" }, /directly in \/run\/p11-kit/],
    ["the directory itself", { "pkcs11-socket": "/run/p11-kit" }, /directly in \/run\/p11-kit/],
    ["a climb out", { "pkcs11-socket": "/run/p11-kit/../pkcs11-optee-slot-0" }, /not a clean path/],
    ["a relative path", { "pkcs11-socket": "../run/p11-kit/pkcs11-optee-slot-0" }, /not a clean path/],
    ["a trailing slash", { "pkcs11-socket": "/run/p11-kit/x/" }, /not a clean path/],
    ["a glob", { "pkcs11-socket": "/run/p11-kit/pkcs11-optee-slot-*" }, /pattern/],
    ["**", { "pkcs11-socket": "/run/p11-kit/**" }, /pattern/],
    ["an alternation", { "pkcs11-socket": "/run/p11-kit/{a,b}" }, /pattern/],
    ["a quote", { "pkcs11-socket": '/run/p11-kit/a"b' }, /pattern/],
    ["a comma", { "pkcs11-socket": "/run/p11-kit/a,b" }, /not allowed/],
    ["a space", { "pkcs11-socket": "/run/p11-kit/a rwx" }, /not allowed/],
    ["a newline", { "pkcs11-socket": "/run/p11-kit/a\nb" }, /not allowed/],
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => m.sanitizeSlot!(slot(attrs))).toThrow(AttributeProblem);
    expect(() => m.sanitizeSlot!(slot(attrs))).toThrow(re);
  });

  it.each(["/run/p11-kit/pkcs11-optee-slot-0", "/run/p11-kit/optee-slot-3", "/run/p11-kit/atec-608-slot-1"])("slot accepts %s", (p) => {
    expect(m.sanitizeSlot!(slot({ "pkcs11-socket": p }))).toEqual({ "pkcs11-socket": p });
  });

  it("lets the client reach exactly the slot's socket", () => {
    const r = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, SOCKET, { slotSnap: "gadget" })));
    expect(r).toContain("/{,var/}run/p11-kit/pkcs11-optee-slot-0 rw,");
    expect(r.filter((l) => l.includes("p11-kit/") && !l.includes("modules"))).toEqual(["/{,var/}run/p11-kit/pkcs11-optee-slot-0 rw,"]);
    expect(r).toContain("/usr/bin/pkcs11-tool ixr,");
  });

  it("lets the server make its socket and serve on it", () => {
    const ctx = permanentContext(m, SOCKET, "gadget");
    expect(ruleLines(snippet(m, "permanentSlot", ctx))).toContain("/{,var/}run/p11-kit/pkcs11-optee-slot-0 rwk,");
    expect(ruleLines(seccompOf(m, "permanentSlot", ctx))).toEqual(["bind", "listen", "accept", "accept4"]);
  });

  it("refuses to render a socket that slipped past the check", () => {
    expect(() => snippet(m, "connectedPlug", connectedContext(m, {}, { "pkcs11-socket": "/run/p11-kit/*" }))).toThrow(/pattern/);
  });
});
