import { describe, expect, it } from "vitest";
import gsettings from "./gsettings.js";
import { connectedContext, ruleLines, snippet } from "./test-support.js";

const rules = ruleLines(snippet(gsettings, "connectedPlug", connectedContext(gsettings, {}, {}, { system: true })));

describe("gsettings", () => {
  it.each([
    "/etc/machine-id r,",
    "/etc/dconf/** r,",
    "owner /{,var/}run/user/*/dconf/user w,",
    "owner @{HOME}/.config/dconf/user w,",
    'dbus (receive, send) bus=session interface="ca.desrt.dconf.Writer" peer=(label="{dconf-service,unconfined}"),',
  ])("grants %s, as snapd does", (rule) => {
    expect(rules).toContain(rule);
  });

  it.each([
    "owner /run/user/[0-9]*/dconf/user rwk,",
    "/usr/share/glib-2.0/schemas/gschemas.compiled r,",
    "dbus (send) bus=session path=/ca/desrt/dconf/Writer/user interface=ca.desrt.dconf.Writer member={Change,Init} peer=(name=ca.desrt.dconf),",
  ])("does not grant %s", (rule) => {
    expect(rules).not.toContain(rule);
  });
});
