import { describe, expect, it } from "vitest";
import accountControl from "./account-control.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m = accountControl;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("account-control", () => {
  it.each([
    "/{,var/}run/dbus/system_bus_socket rw,",
    "dbus (send) bus=system path=/org/freedesktop/Accounts interface=org.freedesktop.Accounts peer=(label=unconfined),",
    "dbus (receive) bus=system path=/org/freedesktop/Accounts{,/User[0-9]*} interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),",
    "/{,usr/}sbin/chpasswd ixr,",
    "/{,usr/}sbin/user{add,del} ixr,",
    "/var/lib/extrausers/** rwkl,",
    "/etc/default/nss r,",
    "/etc/pam.d/{,*} r,",
    "/{,usr/}sbin/pam_tally2 ixr,",
    "/{,usr/}lib/@{multiarch}/security/* ixr,",
    "/var/log/wtmp rwk,",
    "/{,var/}run/utmp rwk,",
    "/var/log/faillog rwk,",
    "/var/log/tallylog rwk,",
  ])("grants %s, as snapd does", (rule) => {
    expect(rules).toContain(rule);
  });

  it.each([
    "/etc/{passwd,group,shadow,gshadow,subuid,subgid} rw,",
    "/home/*/** rwl,",
    "/var/mail/* rw,",
    "/etc/skel/** r,",
    "capability dac_override,",
    "capability fowner,",
    "/{,usr/}sbin/{user,group}{add,mod,del} ixr,",
    "/{,usr/}bin/{chage,gpasswd,passwd} ixr,",
  ])("does not grant %s, which snapd's account-control does not", (rule) => {
    expect(rules).not.toContain(rule);
  });

  it("binds audit netlink sockets", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["bind", "socket AF_NETLINK - NETLINK_AUDIT"]);
  });
});
