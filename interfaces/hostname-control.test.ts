import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";
import mod from "./hostname-control.js";

const hostnameControl: InterfaceModule = mod;

const ctx = connectedContext(hostnameControl, {}, {}, { system: true });
const rules = ruleLines(snippet(hostnameControl, "connectedPlug", ctx));

describe("hostname-control", () => {
  it.each([
    "/etc/hostname w,",
    "/etc/writable/hostname w,",
    "capability sys_admin,",
    "/{,usr/}{,s}bin/hostnamectl ixr,",
    "/{,var/}run/dbus/system_bus_socket rw,",
    'unix (bind) type=stream addr="@*/bus/hostnamectl/system",',
  ])("grants %s", (rule) => expect(rules).toContain(rule));

  it("lets hostnamectl set the three names through hostnamed", () => {
    expect(rules).toContain("dbus (send, receive) bus=system path=/org/freedesktop/hostname1 interface=org.freedesktop.hostname1 member={SetHostname,SetPrettyHostname,SetStaticHostname},");
  });

  it("allows sethostname and bind in seccomp", () => {
    expect(ruleLines(seccompOf(hostnameControl, "connectedPlug", ctx))).toEqual(["sethostname", "bind"]);
  });

  it("grants nothing on the slot side", () => {
    expect(hostnameControl.connectedSlot).toBeUndefined();
    expect(hostnameControl.permanentSlot).toBeUndefined();
  });
});
