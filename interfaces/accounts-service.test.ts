import { describe, expect, it } from "vitest";
import accountsService from "./accounts-service.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m = accountsService;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("accounts-service", () => {
  it.each([
    "/etc/machine-id r,",
    "owner /{,var/}run/user/[0-9]*/bus rw,",
    'unix (connect, receive, send) type=stream peer=(addr="@/tmp/dbus-*"),',
    "dbus (receive, send) bus=session path=/org/gnome/OnlineAccounts interface=org.freedesktop.DBus.ObjectManager peer=(label=unconfined),",
    "dbus (receive, send) bus=session path=/org/gnome/OnlineAccounts{,/**} interface=org.gnome.OnlineAccounts.* peer=(label=unconfined),",
    'dbus (receive, send) bus=session path=/org/gnome/OnlineAccounts{,/**} interface=org.freedesktop.DBus.Properties member="Get{,All}",',
    "dbus (send) bus=session path=/org/gnome/OnlineAccounts{,/**} interface=org.freedesktop.DBus.Introspectable member=Introspect,",
  ])("grants %s, as snapd does", (rule) => {
    expect(rules).toContain(rule);
  });

  it("grants nothing else and no system calls", () => {
    expect(rules).toHaveLength(10);
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual([]);
  });
});
