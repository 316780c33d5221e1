import { describe, expect, it } from "vitest";
import { AttributeProblem } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, permanentContext, plugInfo, ruleLines, seccompOf, snippet } from "./test-support.js";
import qipcrtr from "./qualcomm-ipc-router.js";

const SLOT = { qcipc: "monitor", address: "@qrtr-monitor" };
const toSystem = (plugAttrs: AttrMap = {}) => connectedContext(qipcrtr, plugAttrs, {}, { system: true });
const toApp = (plugAttrs: AttrMap, slotAttrs: AttrMap = SLOT) => connectedContext(qipcrtr, plugAttrs, slotAttrs, { slotSnap: "server" });
const plugRules = (c: ReturnType<typeof toApp>) => ruleLines(snippet(qipcrtr, "connectedPlug", c));
const sanitizeSlot = (attrs: AttrMap) => qipcrtr.sanitizeSlot(plugInfo("server", "qualcomm-ipc-router", attrs));
const sanitizePlug = (attrs: AttrMap) => qipcrtr.sanitizePlug(plugInfo("app", "qualcomm-ipc-router", attrs));

describe("qualcomm-ipc-router", () => {
  it("gives a plug on the system slot QRTR sockets, CAP_NET_ADMIN and bind", () => {
    expect(plugRules(toSystem())).toEqual(["network qipcrtr,", "capability net_admin,"]);
    expect(ruleLines(seccompOf(qipcrtr, "connectedPlug", toSystem()))).toEqual(["socket AF_QIPCRTR", "bind"]);
  });

  it("grants nothing to a plug with qcipc on the system slot (snapd refuses that connection)", () => {
    expect(plugRules(toSystem({ qcipc: "monitor" }))).toEqual([]);
    expect(seccompOf(qipcrtr, "connectedPlug", toSystem({ qcipc: "monitor" }))).toBe("");
  });

  it("lets a tagged plug reach only the app slot's socket, with that snap as the peer", () => {
    const c = toApp({ qcipc: "monitor" });
    expect(plugRules(c)).toEqual(["network qipcrtr,", 'unix (connect, send, receive) type=seqpacket addr="@qrtr-monitor" peer=(label="snap.server.*"),']);
    expect(ruleLines(seccompOf(qipcrtr, "connectedPlug", c))).toEqual(["socket AF_QIPCRTR"]);
    expect(ruleLines(snippet(qipcrtr, "connectedSlot", c))).toEqual(['unix (accept, send, receive) type=seqpacket addr="@qrtr-monitor" peer=(label="snap.app.app"),']);
  });

  it("grants nothing to an untagged plug on an app slot (snapd refuses that connection)", () => {
    expect(plugRules(toApp({}))).toEqual([]);
    expect(snippet(qipcrtr, "connectedSlot", toApp({}))).toBe("");
  });

  it("lets the slot's daemon serve its socket and bind QRTR ports", () => {
    const p = permanentContext(qipcrtr, SLOT, "server");
    expect(ruleLines(snippet(qipcrtr, "permanentSlot", p))).toEqual([
      "network qipcrtr,",
      "capability net_admin,",
      "capability net_bind_service,",
      'unix (bind, listen) type=seqpacket addr="@qrtr-monitor",',
    ]);
    expect(ruleLines(seccompOf(qipcrtr, "permanentSlot", p))).toEqual(["socket AF_QIPCRTR", "bind", "accept", "accept4", "listen"]);
  });

  it.each([["foo"], ["abc-1232"], ["a1"]])("accepts the tag %j on both sides", (tag) => {
    expect(() => sanitizePlug({ qcipc: tag })).not.toThrow();
    expect(() => sanitizeSlot({ qcipc: tag, address: "@x" })).not.toThrow();
  });

  it.each<[string, AttrMap, RegExp]>([
    ["no qcipc", { address: "@x" }, /must set qcipc/],
    ["no address", { qcipc: "monitor" }, /must set address/],
    ["an empty tag", { qcipc: "", address: "@x" }, /must not be empty/],
    ["a tag with a bracket", { qcipc: "bad[", address: "@x" }, /not a valid tag/],
    ["a tag in capitals", { qcipc: "Monitor", address: "@x" }, /not a valid tag/],
    ["a tag with a double hyphen", { qcipc: "a--b", address: "@x" }, /not a valid tag/],
    ["a numeric tag", { qcipc: 1, address: "@x" }, /qcipc must be a string/],
    ["a numeric address", { qcipc: "m", address: 1 }, /as a string/],
    ["an empty address", { qcipc: "m", address: "" }, /not an abstract socket name/],
    ["a bare @", { qcipc: "m", address: "@" }, /not an abstract socket name/],
    ["a non-abstract address", { qcipc: "m", address: "foo" }, /not an abstract socket name/],
    ["a path address", { qcipc: "m", address: "/run/qrtr.sock" }, /not an abstract socket name/],
    ["a glob", { qcipc: "m", address: "@qrtr**" }, /not an abstract socket name/],
    ["a quote", { qcipc: "m", address: '@x" peer=(label=unconfined),' }, /not an abstract socket name/],
    ["braces and commas", { qcipc: "m", address: "@{a,b}" }, /not an abstract socket name/],
    ["a newline", { qcipc: "m", address: "@x\n/** rwx," }, /not an abstract socket name/],
    ["escapes", { qcipc: "m", address: "@\\x00\\x00" }, /not an abstract socket name/],
  ])("an app's slot refuses %s", (_l, attrs, re) => {
    expect(() => sanitizeSlot(attrs)).toThrow(AttributeProblem);
    expect(() => sanitizeSlot(attrs)).toThrow(re);
  });

  it("refuses a plug tag that is not a valid tag", () => {
    expect(() => sanitizePlug({ qcipc: "bad tag" })).toThrow(/not a valid tag/);
    expect(() => sanitizePlug({ qcipc: ["monitor"] })).toThrow(/must be a string/);
  });
});
