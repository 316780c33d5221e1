import { describe, expect, it } from "vitest";
import type { KmodSnippet } from "../src/iface/index.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";
import iscsiInitiator from "./iscsi-initiator.js";

const ctx = connectedContext(iscsiInitiator, {}, {}, { system: true });
const rules = ruleLines(snippet(iscsiInitiator, "connectedPlug", ctx));

describe("iscsi-initiator", () => {
  it.each([
    "/etc/iscsi/initiatorname.iscsi r,",
    "/etc/iscsi/send_targets/** rw,",
    "/{etc,var/lib}/iscsi/nodes/ rwk,",
    "/{etc,var/lib}/iscsi/nodes/** rw,",
    "/run/lock/iscsi/** rwlk,",
    "/sys/class/iscsi_session/** rw,",
    "/sys/devices/platform/host*/session*/target*/** rw,",
    'unix (send, receive, connect) type=stream peer=(addr="@ISCSIADM_ABSTRACT_NAMESPACE"),',
  ])("grants %s", (rule) => expect(rules).toContain(rule));

  it("only reads the initiator's identity and settings", () => {
    expect(rules.filter((r) => /^\/etc\/iscsi\/[^/ ]+ /.test(r))).toEqual(["/etc/iscsi/initiatorname.iscsi r,", "/etc/iscsi/iscsid.conf r,"]);
  });

  it("has the system load the initiator and target core modules, and tags no device", () => {
    expect(iscsiInitiator.connectedPlug.kmod as KmodSnippet).toEqual({ load: ["iscsi_tcp", "target_core_mod"] });
    expect(udevOf(iscsiInitiator, "connectedPlug", ctx)).toEqual([]);
  });
});
