import { describe, expect, it } from "vitest";
import { AttributeProblem, snippetText, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { type AttrMap, type PlugInfo } from "../src/snap/index.js";
import mod from "./polkit.js";
import { plugInfo, connectedContext } from "./test-support.js";

const m: InterfaceModule = mod;
const endpoint = (snap: string, name: string, attrs: AttrMap): PlugInfo => plugInfo(snap, m.name, attrs, name);
const ctx = (plugAttrs: AttrMap = {}, slotAttrs: AttrMap = {}): ConnectedContext => connectedContext(m, plugAttrs, slotAttrs);



const DIGEST = "a".repeat(64);
describe("polkit", () => {
  it.each([
    [{}, /must set "action-prefix" or "install-rules"/],
    [{ "action-prefix": "single" }, /not a D-Bus style name/],
    [{ "action-prefix": "org..example" }, /not a D-Bus style name/],
    [{ "action-prefix": "org.example.*" }, /not a D-Bus style name/],
    [{ "action-prefix": "org.1example" }, /not a D-Bus style name/],
    [{ "action-prefix": 7 }, /must be a string/],
    [{ "install-rules": [] }, /non-empty list/],
    [{ "install-rules": [{ name: "x.rules" }] }, /not a SHA3-384 digest/],
    [{ "install-rules": [{ name: "../x.rules", "sha3-384": DIGEST }] }, /not a polkit rules file name/],
    [{ "install-rules": [{ name: "x.conf", "sha3-384": DIGEST }] }, /not a polkit rules file name/],
    [{ "install-rules": [{ name: "x.rules", "sha3-384": DIGEST, mode: "0644" }] }, /unknown attribute "mode"/],
    [{ "install-rules": [{ name: "a..b.rules", "sha3-384": DIGEST }] }, /not a polkit rules file name/],
    [{ "install-rules": [{ name: "-a.rules", "sha3-384": DIGEST }] }, /not a polkit rules file name/],
    [{ "install-rules": [{ name: `${"a".repeat(65)}.rules`, "sha3-384": DIGEST }] }, /not a polkit rules file name/],
  ])("refuses %j", (attrs, re) => {
    expect(() => m.sanitizePlug!(endpoint("c", "p", attrs as AttrMap))).toThrow(AttributeProblem);
    expect(() => m.sanitizePlug!(endpoint("c", "p", attrs as AttrMap))).toThrow(re);
  });
  it("accepts install-rules alone", () => {
    expect(() => m.sanitizePlug!(endpoint("c", "p", { "install-rules": [{ name: "polkit.app.rules", "sha3-384": DIGEST }] }))).not.toThrow();
  });
  it("talks to polkitd only when an action prefix is set", () => {
    expect(snippetText(m.connectedPlug!.apparmor, ctx({ "install-rules": [{ name: "x.rules", "sha3-384": DIGEST }] })).trim()).toBe("");
    const text = snippetText(m.connectedPlug!.apparmor, ctx({ "action-prefix": "org.example.app" }));
    expect(text).toContain('interface="org.freedesktop.PolicyKit1.Authority" member="{,Cancel}CheckAuthorization" peer=(label=unconfined),');
    // Any Properties call, as snapd; no Changed signal (snapd has none).
    expect(text).toContain('dbus (send) bus=system path="/org/freedesktop/PolicyKit1/Authority" interface="org.freedesktop.DBus.Properties" peer=(label=unconfined),');
    expect(text).not.toContain("member=Changed");
  });
  it("accepts snapd's rule names and ignores other attributes", () => {
    expect(() => m.sanitizePlug!(endpoint("c", "p", { "install-rules": [{ name: "_x.y-z.rules", "sha3-384": DIGEST }], other: true }))).not.toThrow();
  });
});

