import { describe, expect, it } from "vitest";
import loginSessionControl from "./login-session-control.js";
import { connectedContext, ruleLines, snippet } from "./test-support.js";

const rules = ruleLines(snippet(loginSessionControl, "connectedPlug", connectedContext(loginSessionControl, {}, {}, { system: true })));

describe("login-session-control", () => {
  it("calls exactly snapd's logind manager methods", () => {
    expect(rules).toContain(
      "dbus (send, receive) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member={ActivateSession,GetSession,GetSeat,KillSession,ListSessions,LockSession,TerminateSession,UnlockSession} peer=(label=unconfined),",
    );
    expect(rules.join("\n")).not.toMatch(/TerminateSeat|LockSessions|ActivateSessionOnSeat|GetSessionByPID|ListSeats/);
  });

  it("reaches seats and sessions and the bus, and nothing else", () => {
    expect(rules).toContain("dbus (send, receive) bus=system path=/org/freedesktop/login1/seat/** interface=org.freedesktop.login1.Seat peer=(label=unconfined),");
    expect(rules).toContain("/{,var/}run/dbus/system_bus_socket rw,");
    expect(rules).toHaveLength(6);
  });
});
