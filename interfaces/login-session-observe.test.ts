import { describe, expect, it } from "vitest";
import loginSessionObserve from "./login-session-observe.js";
import { connectedContext, ruleLines, snippet } from "./test-support.js";

const rules = ruleLines(snippet(loginSessionObserve, "connectedPlug", connectedContext(loginSessionObserve, {}, {}, { system: true })));

describe("login-session-observe", () => {
  it.each([
    "/{bin/,usr/bin/,usr/bin/gnu,usr/lib/cargo/bin/coreutils/}who ixr,",
    "/var/log/wtmp rk,",
    "/run/systemd/sessions/*[0-9] rk,",
    "/{,usr/}bin/loginctl ixr,",
    "dbus (send) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member=Get{Seat,Session,User},",
    "dbus (receive) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member=PrepareForSleep peer=(label=unconfined),",
  ])("grants %s, as snapd does", (rule) => {
    expect(rules).toContain(rule);
  });

  it.each(["/var/log/btmp r,", "/run/systemd/users/* r,", "/run/systemd/seats/* r,", "/{,usr/}bin/{who,w,users,last,lastlog,faillog,loginctl} ixr,"])("does not grant %s", (rule) => {
    expect(rules).not.toContain(rule);
  });

  it("asks logind nothing by pid, and hears no shutdown notice", () => {
    expect(rules.join("\n")).not.toMatch(/ByPID|PrepareForShutdown/);
  });
});
