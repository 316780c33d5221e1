import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";
import timeserverControl from "./timeserver-control.js";

const ctx = connectedContext(timeserverControl, {}, {}, { system: true });
const rules = ruleLines(snippet(timeserverControl, "connectedPlug", ctx));

describe("timeserver-control", () => {
  it.each([
    "/etc/systemd/timesyncd.conf rw,",
    "/usr/bin/timedatectl{,.real} ixr,",
    "dbus (send) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.timedate1 member=SetNTP peer=(label=unconfined),",
    "dbus (send) bus=system path=/org/freedesktop/network1 interface=org.freedesktop.network1.Manager member={SetLinkNTP,RevertLinkNTP,GetLinkByName} peer=(label=unconfined),",
    'unix (bind) type=stream addr="@*/bus/timedatectl*/system",',
    "deny @{PROC}/1/environ r,",
  ])("has %s", (rule) => expect(rules).toContain(rule));

  it("may set NTP but not the clock itself", () => {
    expect(rules.join("\n")).not.toMatch(/SetTime|capability sys_time/);
    expect(ruleLines(seccompOf(timeserverControl, "connectedPlug", ctx))).toEqual(["bind"]);
  });
});
