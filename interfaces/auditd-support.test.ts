import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";
import auditdSupport from "./auditd-support.js";

const ctx = connectedContext(auditdSupport, {}, {}, { system: true });
const rules = ruleLines(snippet(auditdSupport, "connectedPlug", ctx));

describe("auditd-support", () => {
  it.each([
    "network netlink,",
    "capability audit_control,",
    "@{PROC}/*/{loginuid,sessionid} r,",
    "/{,var/}run/auditd.{pid,state} rw,",
    "@{PROC}/@{pid}/oom_score_adj rw,",
  ])("grants %s", (rule) => expect(rules).toContain(rule));

  it("opens and binds the audit netlink socket, and sets its priority", () => {
    expect(ruleLines(seccompOf(auditdSupport, "connectedPlug", ctx))).toEqual(["socket AF_NETLINK - NETLINK_AUDIT", "bind", "setpriority"]);
  });

  it("cannot be installed without a snap declaration", () => {
    expect(auditdSupport.baseDeclaration.plugs).toEqual({ "allow-installation": false, "deny-auto-connection": true });
  });
});
