import { describe, expect, it } from "vitest";
import { BASELINE_HOST } from "../src/iface/index.js";
import { ValidationError } from "../src/errors/index.js";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import daemonNotify, { notifySocketRule } from "./daemon-notify.js";

describe("daemon-notify", () => {
  it.each<[string | undefined, string]>([
    [undefined, "/run/systemd/notify w,"],
    ["", "/run/systemd/notify w,"],
    ["/run/systemd/notify", "/run/systemd/notify w,"],
    ["/run/other/notify.sock", "/run/other/notify.sock w,"],
    ["@/org/freedesktop/systemd1/notify/13334051644891137417", 'unix (connect, send) type=dgram peer=(label=unconfined, addr="@/org/freedesktop/systemd1/notify/[0-9]*"),'],
    ["@my-notify", 'unix (connect, send) type=dgram peer=(label=unconfined, addr="@my-notify"),'],
  ])("NOTIFY_SOCKET=%j gives %s", (socket, rule) => expect(notifySocketRule(socket)).toBe(rule));

  it.each<[string, RegExp]>([
    ["run/systemd/notify", /neither an absolute path nor an abstract/],
    ["/run/../etc/shadow", /not a clean path/],
    ["/run/systemd/notify w,\n/** rwx", /not allowed/],
    ["/run/{a,b}", /not allowed/],
    ["/run/*", /not allowed/],
    ['/run/"x', /not allowed/],
    ['@x"), unix peer=(label=*', /abstract name contains/],
    ["@a\nb", /abstract name contains/],
    ["@", /abstract name is empty/],
  ])("refuses NOTIFY_SOCKET=%j", (socket, re) => {
    expect(() => notifySocketRule(socket)).toThrow(ValidationError);
    expect(() => notifySocketRule(socket)).toThrow(re);
  });

  it.each([
    [{ ...BASELINE_HOST, notifySocket: "/run/custom/notify" }, "/run/custom/notify w,"],
    [BASELINE_HOST, "/run/systemd/notify w,"],
  ])("takes the socket the host's service manager announced (%j) and lets shell services run systemd-notify", (host, rule) => {
    const rules = ruleLines(snippet(daemonNotify, "connectedPlug", { ...connectedContext(daemonNotify, {}, {}, { system: true }), host }));
    expect(rules).toEqual([rule, "/{,usr/}bin/systemd-notify ixr,"]);
  });
});
