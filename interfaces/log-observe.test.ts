import { describe, expect, it } from "vitest";
import logObserve from "./log-observe.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";

const m = logObserve;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("log-observe", () => {
  it.each([
    "/var/log/ r,",
    "/var/log/** r,",
    "/dev/kmsg r,",
    "/run/log/journal/ r,",
    "/run/log/journal/** r,",
    "/var/lib/systemd/catalog/database r,",
    "/{,usr/}bin/journalctl ixr,",
    "/{,usr/}sbin/sysctl ixr,",
    "@{PROC}/sys/kernel/printk_ratelimit rw,",
    "/sys/module/apparmor/parameters/audit rw,",
    "/usr/bin/scmp_sys_resolver ixr,",
    "capability dac_override,",
    "capability dac_read_search,",
  ])("grants %s, as snapd does", (rule) => {
    expect(rules).toContain(rule);
  });

  it("adds only capability syslog to snapd's rules (for dmesg, see the VM scenario)", () => {
    expect(rules).toHaveLength(14);
    expect(rules).toContain("capability syslog,");
  });

  it("does not let the snap read dmesg_restrict, which snapd does not", () => {
    expect(rules).not.toContain("@{PROC}/sys/kernel/dmesg_restrict r,");
  });

  it("allows syslog(2) and tags /dev/kmsg", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["syslog"]);
    expect(udevOf(m, "connectedPlug", ctx)).toEqual(['KERNEL=="kmsg"']);
  });
});
