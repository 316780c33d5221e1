import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/index.js";
import { CONFINEMENTS, DAEMON_TYPES, SNAP_TYPES, type SnapInfo } from "./info.js";
import { parseSnapYaml, type MetadataFlavour } from "./parse.js";

const FILE = "meta/snap.yaml";
const HEAD = "name: foo\nversion: '1.0'\n";

const parse = (text: string): SnapInfo => parseSnapYaml(text, { file: FILE });
const parseAs = (text: string, flavour: MetadataFlavour, file = FILE): SnapInfo => parseSnapYaml(text, { file, flavour });

/** Runs `fn`, expecting a ValidationError; returns it. */
function caught(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error("expected a ValidationError, but nothing was thrown");
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("plug and slot forms", () => {
  it.each([
    ["null", "cam: null"],
    ["tilde", "cam: ~"],
    ["empty value", "cam:"],
  ])("a map of name → %s declares a plug of the interface of that name", (_label, entry) => {
    const info = parse(`${HEAD}plugs:\n  ${entry}\n`);
    expect(Object.keys(info.plugs)).toEqual(["cam"]);
    expect(info.plugs.cam).toEqual({ snap: "foo", name: "cam", interface: "cam", attrs: {}, apps: [], hooks: [] });
  });

  it("a map of name → interface string names the interface", () => {
    const info = parse(`${HEAD}plugs: {cam: camera, net: network}\nslots: {srv: dbus}\n`);
    expect(info.plugs.cam).toMatchObject({ name: "cam", interface: "camera", attrs: {} });
    expect(info.plugs.net).toMatchObject({ name: "net", interface: "network", attrs: {} });
    expect(info.slots.srv).toMatchObject({ snap: "foo", name: "srv", interface: "dbus", attrs: {} });
    expect(info.plugs.cam).not.toHaveProperty("label");
    expect(Object.keys(info.plugs).sort()).toEqual(["cam", "net"]);
  });

  it("a quoted interface string is read as a string", () => {
    expect(parse(`${HEAD}plugs: {cam: "camera"}\n`).plugs.cam?.interface).toBe("camera");
  });

  it("a map with interface: and attributes keeps YAML 1.1 attribute types", () => {
    const text = `${HEAD}plugs:
  srv:
    interface: content
    read-only: yes
    writable: off
    quoted-yes: 'yes'
    port: 8080
    mode: 0755
    ratio: 1.5
    negative: -3
    hex: 0x1f
    name: hello
    nested:
      inner: true
      deeper: {list: [1, two, no]}
    paths:
      - $SNAP/a
      - $SNAP_DATA/b
    empty-list: []
    empty-map: {}
`;
    const plug = parse(text).plugs.srv!;
    expect(plug.interface).toBe("content");
    expect(plug.attrs).toEqual({
      "read-only": true,
      writable: false,
      "quoted-yes": "yes",
      port: 8080,
      mode: 493,
      ratio: 1.5,
      negative: -3,
      hex: 31,
      name: "hello",
      nested: { inner: true, deeper: { list: [1, "two", false] } },
      paths: ["$SNAP/a", "$SNAP_DATA/b"],
      "empty-list": [],
      "empty-map": {},
    });
    expect(typeof plug.attrs.port).toBe("number");
    expect(typeof plug.attrs["read-only"]).toBe("boolean");
  });

  it("a map without interface: uses the plug name as the interface", () => {
    const plug = parse(`${HEAD}plugs:\n  home:\n    read: all\n`).plugs.home!;
    expect(plug.interface).toBe("home");
    expect(plug.attrs).toEqual({ read: "all" });
  });

  it("label is kept as the label, not as an attribute", () => {
    const info = parse(`${HEAD}plugs:\n  cam:\n    interface: camera\n    label: Front camera\n    x: 1\nslots:\n  s:\n    label: My slot\n`);
    expect(info.plugs.cam!.label).toBe("Front camera");
    expect(info.plugs.cam!.attrs).toEqual({ x: 1 });
    expect(info.plugs.cam!.attrs).not.toHaveProperty("label");
    expect(info.plugs.cam!.interface).toBe("camera");
    expect(info.slots.s).toMatchObject({ label: "My slot", interface: "s", attrs: {} });
  });

  it("slots accept the same forms as plugs", () => {
    const info = parse(`${HEAD}slots:\n  a: null\n  b: mpris\n  c:\n    interface: content\n    source: {read: [$SNAP/x]}\n`);
    expect(info.slots.a).toMatchObject({ name: "a", interface: "a", attrs: {} });
    expect(info.slots.b).toMatchObject({ name: "b", interface: "mpris", attrs: {} });
    expect(info.slots.c).toMatchObject({ name: "c", interface: "content", attrs: { source: { read: ["$SNAP/x"] } } });
    expect(info.plugs).toEqual({});
  });

  it("plugs and slots are returned sorted by name", () => {
    const info = parse(`${HEAD}plugs: {zeta: null, alpha: null, mid: null}\nslots: {zz: null, aa: null}\n`);
    expect(Object.keys(info.plugs)).toEqual(["alpha", "mid", "zeta"]);
    expect(Object.keys(info.slots)).toEqual(["aa", "zz"]);
  });
});

describe("binding plugs and slots to apps and hooks", () => {
  it("a top-level plug that nothing names is bound to every app and every hook", () => {
    const info = parse(`${HEAD}plugs:
  net:
    interface: network
apps:
  one: {command: bin/one}
  two: {command: bin/two}
hooks:
  configure: {}
  install:
`);
    expect(info.plugs.net!.apps).toEqual(["one", "two"]);
    expect(info.plugs.net!.hooks).toEqual(["configure", "install"]);
    expect(info.apps.one!.plugs).toEqual(["net"]);
    expect(info.apps.two!.plugs).toEqual(["net"]);
    expect(info.hooks.configure!.plugs).toEqual(["net"]);
    expect(info.hooks.install!.plugs).toEqual(["net"]);
  });

  it("a top-level plug named by one app is bound only to that app", () => {
    const info = parse(`${HEAD}plugs:
  cam: camera
apps:
  one:
    command: bin/one
    plugs: [cam]
  two:
    command: bin/two
hooks:
  configure:
`);
    expect(info.plugs.cam).toMatchObject({ interface: "camera", apps: ["one"], hooks: [] });
    expect(info.apps.one!.plugs).toEqual(["cam"]);
    expect(info.apps.two!.plugs).toEqual([]);
    expect(info.hooks.configure!.plugs).toEqual([]);
  });

  it("an app naming an undeclared plug creates a plug of the interface of that name", () => {
    const info = parse(`${HEAD}apps:
  one:
    plugs: [network, home]
  two:
    plugs: [home]
`);
    expect(Object.keys(info.plugs)).toEqual(["home", "network"]);
    expect(info.plugs.network).toEqual({ snap: "foo", name: "network", interface: "network", attrs: {}, apps: ["one"], hooks: [] });
    expect(info.plugs.home).toEqual({ snap: "foo", name: "home", interface: "home", attrs: {}, apps: ["one", "two"], hooks: [] });
    expect(info.apps.two!.plugs).toEqual(["home"]);
  });

  it("an implicitly declared plug is not bound to apps or hooks that do not name it", () => {
    const info = parse(`${HEAD}apps:
  one:
    plugs: [network]
  two: {}
hooks:
  install: {}
`);
    expect(info.plugs.network).toMatchObject({ apps: ["one"], hooks: [] });
    expect(info.apps.two!.plugs).toEqual([]);
    expect(info.hooks.install!.plugs).toEqual([]);
  });

  it("hooks naming plugs bind them to the hook, declared or not", () => {
    const info = parse(`${HEAD}plugs:
  net: network
apps:
  app: {command: bin/app}
hooks:
  configure:
    plugs: [net, snapd-control]
  install:
`);
    expect(info.hooks.configure!.plugs).toEqual(["net", "snapd-control"]);
    expect(info.hooks.install!.plugs).toEqual([]);
    expect(info.plugs.net).toMatchObject({ interface: "network", apps: [], hooks: ["configure"] });
    expect(info.plugs["snapd-control"]).toMatchObject({ interface: "snapd-control", apps: [], hooks: ["configure"] });
    expect(info.apps.app!.plugs).toEqual([]);
  });

  it("a plug named by both an app and a hook is bound to exactly those", () => {
    const info = parse(`${HEAD}plugs: {net: network}
apps:
  a: {plugs: [net]}
  b: {}
hooks:
  configure: {plugs: [net]}
  install: {}
`);
    expect(info.plugs.net).toMatchObject({ apps: ["a"], hooks: ["configure"] });
  });

  it("hooks naming slots bind them to the hook", () => {
    const info = parse(`${HEAD}hooks:\n  configure:\n    slots: [provider]\n`);
    expect(info.hooks.configure!.slots).toEqual(["provider"]);
    expect(info.slots.provider).toMatchObject({ interface: "provider", apps: [], hooks: ["configure"] });
  });

  it("a top-level slot that no app names is bound to every app", () => {
    const info = parse(`${HEAD}slots:
  srv:
    interface: dbus
    bus: session
apps:
  one: {command: bin/one}
  two: {command: bin/two}
`);
    expect(info.slots.srv!.apps).toEqual(["one", "two"]);
    expect(info.apps.one!.slots).toEqual(["srv"]);
    expect(info.apps.two!.slots).toEqual(["srv"]);
  });

  it("a top-level slot named by one app is bound only to that app", () => {
    const info = parse(`${HEAD}slots: {srv: dbus}
apps:
  one: {slots: [srv]}
  two: {}
`);
    expect(info.slots.srv!.apps).toEqual(["one"]);
    expect(info.apps.two!.slots).toEqual([]);
  });

  it("an app naming an undeclared slot creates a slot of the interface of that name", () => {
    const info = parse(`${HEAD}apps:\n  one:\n    slots: [mpris]\n`);
    expect(info.slots.mpris).toEqual({ snap: "foo", name: "mpris", interface: "mpris", attrs: {}, apps: ["one"], hooks: [] });
    expect(info.apps.one!.slots).toEqual(["mpris"]);
  });

  it("unsupported hook names are skipped silently, with their plugs", () => {
    const info = parse(`${HEAD}plugs: {net: network}
apps:
  app: {}
hooks:
  frobnicate:
    plugs: [net, camera]
  configure:
`);
    expect(Object.keys(info.hooks)).toEqual(["configure"]);
    expect(info.hooks).not.toHaveProperty("frobnicate");
    // The plug named only by the skipped hook is still unscoped, so it serves everything.
    expect(info.plugs.net).toMatchObject({ apps: ["app"], hooks: ["configure"] });
    expect(info.plugs).not.toHaveProperty("camera");
  });

  it("per-interface hooks are kept", () => {
    const info = parse(`${HEAD}hooks:\n  connect-plug-cam: {}\n  prepare-slot-srv: {}\n`);
    expect(Object.keys(info.hooks)).toEqual(["connect-plug-cam", "prepare-slot-srv"]);
    expect(info.hooks["connect-plug-cam"]).toEqual({ name: "connect-plug-cam", environment: {}, plugs: [], slots: [] });
  });

  it("app and hook plug and slot lists are sorted and deduplicated", () => {
    const info = parse(`${HEAD}apps:
  app:
    plugs: [x11, audio-playback, network, home, network]
    slots: [zz, mm, aa]
hooks:
  configure:
    plugs: [zebra, apple]
`);
    expect(info.apps.app!.plugs).toEqual(["audio-playback", "home", "network", "x11"]);
    expect(info.apps.app!.slots).toEqual(["aa", "mm", "zz"]);
    expect(info.hooks.configure!.plugs).toEqual(["apple", "zebra"]);
  });

  it("a plug's app and hook lists are sorted", () => {
    const info = parse(`${HEAD}plugs: {net: network}
apps:
  zed: {}
  Alpha: {}
  mid: {}
hooks:
  remove: {}
  configure: {}
`);
    expect(info.plugs.net!.apps).toEqual(["Alpha", "mid", "zed"]);
    expect(info.plugs.net!.hooks).toEqual(["configure", "remove"]);
    expect(Object.keys(info.apps)).toEqual(["Alpha", "mid", "zed"]);
    expect(Object.keys(info.hooks)).toEqual(["configure", "remove"]);
  });
});

describe("top-level fields and defaults", () => {
  it("defaults type to app and confinement to strict", () => {
    const info = parse(HEAD);
    expect(info.name).toBe("foo");
    expect(info.version).toBe("1.0");
    expect(info.type).toBe("app");
    expect(info.confinement).toBe("strict");
    expect(info.apps).toEqual({});
    expect(info.hooks).toEqual({});
    expect(info.plugs).toEqual({});
    expect(info.slots).toEqual({});
    expect(info.environment).toEqual({});
    expect(info).not.toHaveProperty("base");
    expect(info).not.toHaveProperty("grade");
    expect(info).not.toHaveProperty("summary");
  });

  it.each([
    ["version: 1.10", "1.10"],
    ["version: '1.10'", "1.10"],
    ['version: "1.10"', "1.10"],
    ["version: 1.0", "1.0"],
    ["version: 1", "1"],
    ["version: 2.30.1", "2.30.1"],
    ["version: 1.0+git~x", "1.0+git~x"],
    ["version: 0755", "0755"],
    ["version: 1e3", "1e3"],
  ])("%s gives the version string %j", (line, expected) => {
    const info = parse(`name: foo\n${line}\n`);
    expect(info.version).toBe(expected);
    expect(typeof info.version).toBe("string");
  });

  it.each(SNAP_TYPES.map((t) => [t]))("accepts type %s", (t) => {
    expect(parse(`${HEAD}type: ${t}\n`).type).toBe(t);
  });

  it.each(CONFINEMENTS.map((c) => [c]))("accepts confinement %s", (c) => {
    expect(parse(`${HEAD}confinement: ${c}\n`).confinement).toBe(c);
  });

  it.each(DAEMON_TYPES.map((d) => [d]))("accepts daemon %s", (d) => {
    const app = parse(`${HEAD}apps:\n  svc:\n    command: bin/svc\n    daemon: ${d}\n`).apps.svc!;
    expect(app.daemon).toBe(d);
  });

  it("reads summary, base, grade and environments as strings", () => {
    const info = parse(`${HEAD}summary: A thing
base: core22
grade: devel
environment:
  LANG: C.UTF-8
  DEBUG: yes
  COUNT: 10
  EMPTY:
apps:
  app:
    command: bin/app --flag $SNAP/x
    environment: {PORT: 8080}
hooks:
  configure:
    environment: {A: b}
`);
    expect(info.summary).toBe("A thing");
    expect(info.base).toBe("core22");
    expect(info.grade).toBe("devel");
    expect(info.environment).toEqual({ LANG: "C.UTF-8", DEBUG: "yes", COUNT: "10", EMPTY: "" });
    expect(info.apps.app).toEqual({
      name: "app",
      command: "bin/app --flag $SNAP/x",
      daemon: undefined,
      environment: { PORT: "8080" },
      plugs: [],
      slots: [],
    });
    expect(info.hooks.configure!.environment).toEqual({ A: "b" });
  });

  it("accepts an app with no body and one whose name has capitals and leading digits", () => {
    const info = parse(`${HEAD}apps:\n  0ad:\n  Foo-Bar: {}\n`);
    expect(Object.keys(info.apps)).toEqual(["0ad", "Foo-Bar"]);
    expect(info.apps["0ad"]).toMatchObject({ name: "0ad", plugs: [], slots: [], environment: {} });
    expect(info.apps["0ad"]!.command).toBeUndefined();
  });

  it("resolves YAML anchors and merge keys", () => {
    const info = parse(`${HEAD}x-common: &common
  plugs: [network]
apps:
  a:
    <<: *common
    command: bin/a
  b: *common
`);
    expect(info.apps.a).toMatchObject({ command: "bin/a", plugs: ["network"] });
    expect(info.apps.b!.plugs).toEqual(["network"]);
    expect(info.plugs.network!.apps).toEqual(["a", "b"]);
  });
});

describe("snapcraft.yaml flavour", () => {
  it("allows a missing version", () => {
    const info = parseAs("name: foo\n", "snapcraft.yaml");
    expect(info.name).toBe("foo");
    expect(info.version).toBeUndefined();
    expect(info).not.toHaveProperty("version");
  });

  it("allows quotes and other characters in app commands", () => {
    const info = parseAs(`name: foo\napps:\n  a:\n    command: bin/a --name "x y" 'z'\n`, "snapcraft.yaml");
    expect(info.apps.a!.command).toBe(`bin/a --name "x y" 'z'`);
  });

  it("ignores build-only keys without error", () => {
    const text = `name: foo
base: core22
version: git
summary: s
description: |
  long text
grade: stable
adopt-info: foo
architectures:
  - build-on: [amd64]
    build-for: [amd64]
build-packages: [gcc, make]
parts:
  foo:
    plugin: make
    source: .
    build-packages: [libfoo-dev]
    stage-packages: [libfoo1]
    override-build: |
      craftctl default
plugs:
  net: network
apps:
  foo:
    command: bin/foo
    extensions: [gnome]
    plugs: [net, home]
    desktop: usr/share/applications/foo.desktop
    common-id: org.example.Foo
`;
    const info = parseAs(text, "snapcraft.yaml", "snap/snapcraft.yaml");
    expect(info.name).toBe("foo");
    expect(info.version).toBe("git");
    expect(info.base).toBe("core22");
    expect(info.grade).toBe("stable");
    expect(info.summary).toBe("s");
    expect(Object.keys(info.apps)).toEqual(["foo"]);
    expect(info.apps.foo!.plugs).toEqual(["home", "net"]);
    expect(info.plugs.net).toMatchObject({ interface: "network", apps: ["foo"] });
    expect(Object.keys(info)).not.toContain("parts");
    expect(Object.keys(info.apps.foo!)).not.toContain("extensions");
  });

  it("still validates names and plugs", () => {
    expect(() => parseAs("name: Foo\n", "snapcraft.yaml", "snap/snapcraft.yaml")).toThrow(
      /^snap\/snapcraft\.yaml: name: invalid snap name "Foo"/,
    );
    expect(() => parseAs("name: foo\nplugs: {x: 5}\n", "snapcraft.yaml", "snap/snapcraft.yaml")).toThrow(
      /^snap\/snapcraft\.yaml: plugs\.x: plug "x" has a malformed definition/,
    );
  });
});

interface ErrorCase {
  readonly label: string;
  readonly text: string;
  /** The message after "meta/snap.yaml: ". */
  readonly message: RegExp;
  /** The field path the error is reported at, when it has one. */
  readonly field?: string;
  /** Text naming the offending value, expected in the message. */
  readonly shows?: string;
}

const ERROR_CASES: readonly ErrorCase[] = [
  { label: "missing name", text: "version: '1'\n", field: "name", message: /^name: missing required field$/ },
  { label: "null name", text: "name: ~\nversion: '1'\n", field: "name", message: /^name: missing required field$/ },
  {
    label: "invalid snap name",
    text: "name: Foo_Bar\nversion: '1'\n",
    field: "name",
    shows: '"Foo_Bar"',
    message: /^name: invalid snap name "Foo_Bar": snap name may only contain lowercase letters, digits and hyphens$/,
  },
  {
    label: "snap name with no letter",
    text: "name: 123\nversion: '1'\n",
    field: "name",
    shows: '"123"',
    message: /^name: invalid snap name "123": snap name must contain at least one letter$/,
  },
  {
    label: "name given as a map",
    text: "name: {a: b}\nversion: '1'\n",
    field: "name",
    message: /^name: expected a string, found a map$/,
  },
  { label: "missing version", text: "name: foo\n", field: "version", message: /^version: missing required field$/ },
  {
    label: "invalid version",
    text: "name: foo\nversion: '1.0-'\n",
    field: "version",
    shows: '"1.0-"',
    message: /^version: invalid snap version "1\.0-"/,
  },
  {
    label: "bad type",
    text: `${HEAD}type: daemon\n`,
    field: "type",
    shows: '"daemon"',
    message: /^type: invalid value "daemon"; expected one of app, gadget, kernel, base, os, snapd$/,
  },
  {
    label: "bad confinement",
    text: `${HEAD}confinement: loose\n`,
    field: "confinement",
    shows: '"loose"',
    message: /^confinement: invalid value "loose"; expected one of strict, devmode, classic$/,
  },
  {
    label: "bad grade",
    text: `${HEAD}grade: beta\n`,
    field: "grade",
    shows: '"beta"',
    message: /^grade: invalid value "beta"; expected one of stable, devel$/,
  },
  {
    label: "invalid base name",
    text: `${HEAD}base: Core22\n`,
    field: "base",
    shows: '"Core22"',
    message: /^base: invalid base snap name "Core22"/,
  },
  {
    label: "invalid app name",
    text: `${HEAD}apps:\n  -bad:\n    command: bin/x\n`,
    field: "apps.-bad",
    shows: '"-bad"',
    message: /^apps\.-bad: invalid app name "-bad"/,
  },
  {
    label: "apps given as a list",
    text: `${HEAD}apps: [a, b]\n`,
    field: "apps",
    message: /^apps: expected a map, found a list$/,
  },
  {
    label: "app body given as a scalar",
    text: `${HEAD}apps:\n  a: bin/a\n`,
    field: "apps.a",
    shows: '"bin/a"',
    message: /^apps\.a: expected a map, found "bin\/a"$/,
  },
  {
    label: "invalid plug name in list",
    text: `${HEAD}plugs: [Bad]\n`,
    field: "plugs[0]",
    shows: '"Bad"',
    message: /^plugs\[0\]: invalid plug name "Bad"/,
  },
  {
    label: "invalid plug name in map",
    text: `${HEAD}plugs:\n  Bad: null\n`,
    field: "plugs.Bad",
    shows: '"Bad"',
    message: /^plugs\.Bad: invalid plug name "Bad"/,
  },
  {
    label: "invalid slot name in map",
    text: `${HEAD}slots:\n  bad_slot: dbus\n`,
    field: "slots.bad_slot",
    shows: '"bad_slot"',
    message: /^slots\.bad_slot: invalid slot name "bad_slot"/,
  },
  {
    label: "invalid plug name named by an app",
    text: `${HEAD}apps:\n  a:\n    plugs: [Bad]\n`,
    field: "apps.a.plugs[0]",
    shows: '"Bad"',
    message: /^apps\.a\.plugs\[0\]: invalid plug name "Bad"$/,
  },
  {
    label: "invalid slot name named by a hook",
    text: `${HEAD}hooks:\n  configure:\n    slots: [ok, No]\n`,
    field: "hooks.configure.slots[1]",
    shows: '"No"',
    message: /^hooks\.configure\.slots\[1\]: invalid slot name "No"$/,
  },
  {
    label: "invalid interface name",
    text: `${HEAD}plugs: {x: {interface: "Bad!"}}\n`,
    field: "plugs.x",
    shows: '"Bad!"',
    message: /^plugs\.x: invalid interface name "Bad!" for plug "x"$/,
  },
  {
    label: "invalid interface name in string form",
    text: `${HEAD}slots: {x: Not-An-Iface}\n`,
    field: "slots.x",
    shows: '"Not-An-Iface"',
    message: /^slots\.x: invalid interface name "Not-An-Iface" for slot "x"$/,
  },
  {
    label: "duplicate plug name in list form",
    text: `${HEAD}plugs: [a, a]\n`,
    field: "plugs[1]",
    shows: '"a"',
    message: /^plugs\[1\]: plug "a" is declared more than once$/,
  },
  {
    label: "duplicate map key",
    text: `${HEAD}plugs:\n  a: null\n  a: camera\n`,
    message: /^cannot parse YAML \(line 5, column 3\): Map keys must be unique/,
  },
  {
    label: "duplicate top-level key",
    text: `${HEAD}name: bar\n`,
    message: /^cannot parse YAML \(line 3, column 1\): Map keys must be unique/,
  },
  {
    label: "plug and slot with the same name",
    text: `${HEAD}plugs: {x: network}\nslots: {x: dbus}\n`,
    field: "plugs.x",
    shows: '"x"',
    message: /^plugs\.x: cannot have plug and slot with the same name: "x"$/,
  },
  {
    label: "implicit plug and slot with the same name",
    text: `${HEAD}apps:\n  a:\n    plugs: [dup]\n    slots: [dup]\n`,
    field: "plugs.dup",
    shows: '"dup"',
    message: /^plugs\.dup: cannot have plug and slot with the same name: "dup"$/,
  },
  {
    label: "reserved attribute",
    text: `${HEAD}plugs: {x: {$foo: 1}}\n`,
    field: "plugs.x.$foo",
    shows: '"$foo"',
    message: /^plugs\.x\.\$foo: plug "x" uses reserved attribute "\$foo"$/,
  },
  {
    label: "reserved attribute on a slot",
    text: `${HEAD}slots:\n  s:\n    interface: content\n    $slot: y\n`,
    field: "slots.s.$slot",
    shows: '"$slot"',
    message: /^slots\.s\.\$slot: slot "s" uses reserved attribute "\$slot"$/,
  },
  {
    label: "null attribute value",
    text: `${HEAD}plugs: {x: {a: null}}\n`,
    field: "plugs.x.a",
    message: /^plugs\.x\.a: attribute value cannot be null$/,
  },
  {
    label: "null attribute value nested in a list",
    text: `${HEAD}plugs:\n  x:\n    a: [1, ~]\n`,
    field: "plugs.x.a[1]",
    message: /^plugs\.x\.a\[1\]: attribute value cannot be null$/,
  },
  {
    label: "null attribute value nested in a map",
    text: `${HEAD}plugs:\n  x:\n    a: {b: {c: }}\n`,
    field: "plugs.x.a.b.c",
    message: /^plugs\.x\.a\.b\.c: attribute value cannot be null$/,
  },
  {
    label: "non-string attribute name",
    text: `${HEAD}plugs:\n  x:\n    yes: 1\n`,
    field: "plugs.x.yes",
    message: /^plugs\.x\.yes: plug "x" has an attribute name that is not a string: yes$/,
  },
  {
    label: "non-string interface",
    text: `${HEAD}plugs: {x: {interface: [a]}}\n`,
    field: "plugs.x.interface",
    message: /^plugs\.x\.interface: interface of plug "x" must be a string, found a list$/,
  },
  {
    label: "numeric interface",
    text: `${HEAD}plugs: {x: {interface: 5}}\n`,
    field: "plugs.x.interface",
    shows: '"5"',
    message: /^plugs\.x\.interface: interface of plug "x" must be a string, found "5"$/,
  },
  {
    label: "non-string label",
    text: `${HEAD}plugs: {x: {label: {a: b}}}\n`,
    field: "plugs.x.label",
    message: /^plugs\.x\.label: label of plug "x" must be a string, found a map$/,
  },
  {
    label: "malformed definition (number)",
    text: `${HEAD}plugs: {x: 5}\n`,
    field: "plugs.x",
    shows: '"5"',
    message: /^plugs\.x: plug "x" has a malformed definition: expected an interface name, found "5"$/,
  },
  {
    label: "malformed definition (boolean)",
    text: `${HEAD}slots: {x: yes}\n`,
    field: "slots.x",
    shows: '"yes"',
    message: /^slots\.x: slot "x" has a malformed definition: expected an interface name, found "yes"$/,
  },
  {
    label: "malformed definition (list)",
    text: `${HEAD}plugs: {x: [a, b]}\n`,
    field: "plugs.x",
    message: /^plugs\.x: plug "x" has a malformed definition: found a list$/,
  },
  {
    label: "plugs given as a scalar",
    text: `${HEAD}plugs: network\n`,
    field: "plugs",
    shows: '"network"',
    message: /^plugs: expected a map or a list of plug names, found "network"$/,
  },
  {
    label: "slots given as a scalar",
    text: `${HEAD}slots: 42\n`,
    field: "slots",
    shows: '"42"',
    message: /^slots: expected a map or a list of slot names, found "42"$/,
  },
  {
    label: "app plugs not a list",
    text: `${HEAD}apps:\n  a:\n    plugs: network\n`,
    field: "apps.a.plugs",
    shows: '"network"',
    message: /^apps\.a\.plugs: expected a list of names, found "network"$/,
  },
  {
    label: "app slots given as a map",
    text: `${HEAD}apps:\n  a:\n    slots: {s: dbus}\n`,
    field: "apps.a.slots",
    message: /^apps\.a\.slots: expected a list of names, found a map$/,
  },
  {
    label: "app plug list holding a map",
    text: `${HEAD}apps:\n  a:\n    plugs: [network, {x: y}]\n`,
    field: "apps.a.plugs[1]",
    message: /^apps\.a\.plugs\[1\]: expected a name, found a map$/,
  },
  {
    label: "hook plugs not a list",
    text: `${HEAD}hooks:\n  install:\n    plugs: network\n`,
    field: "hooks.install.plugs",
    shows: '"network"',
    message: /^hooks\.install\.plugs: expected a list of names, found "network"$/,
  },
  {
    label: "app command with a quote character",
    text: `${HEAD}apps:\n  a:\n    command: bin/a "x"\n`,
    field: "apps.a.command",
    shows: 'bin/a \\"x\\"',
    message: /^apps\.a\.command: command "bin\/a \\"x\\"" contains characters outside \[A-Za-z0-9\/\. _#:\$-\]$/,
  },
  {
    label: "app command with a single quote",
    text: `${HEAD}apps:\n  a:\n    command: "bin/a 'x'"\n`,
    field: "apps.a.command",
    shows: "bin/a 'x'",
    message: /^apps\.a\.command: command "bin\/a 'x'" contains characters/,
  },
  {
    label: "daemon: sometimes",
    text: `${HEAD}apps:\n  svc:\n    command: bin/svc\n    daemon: sometimes\n`,
    field: "apps.svc.daemon",
    shows: '"sometimes"',
    message: /^apps\.svc\.daemon: invalid value "sometimes"; expected one of simple, forking, oneshot, dbus, notify$/,
  },
  {
    label: "environment value given as a map",
    text: `${HEAD}environment:\n  A: {b: c}\n`,
    field: "environment.A",
    message: /^environment\.A: expected a string, found a map$/,
  },
  { label: "empty document", text: "", message: /^document is empty$/ },
  { label: "document of only comments", text: "# nothing here\n", message: /^document is empty$/ },
  { label: "document that is null", text: "~\n", message: /^document is empty$/ },
  {
    label: "document that is a list",
    text: "- name: foo\n- version: '1'\n",
    field: "(top level)",
    message: /^\(top level\): expected a map, found a list$/,
  },
  {
    label: "document that is a scalar",
    text: "just text\n",
    field: "(top level)",
    shows: '"just text"',
    message: /^\(top level\): expected a map, found "just text"$/,
  },
];

describe("errors", () => {
  it.each(ERROR_CASES.map((c) => [c.label, c] as const))("%s", (_label, c) => {
    const full = new RegExp("^" + escape(FILE) + ": " + c.message.source.replace(/^\^/, ""));
    expect(() => parse(c.text)).toThrow(full);
    expect(() => parse(c.text)).toThrow(ValidationError);

    const err = caught(() => parse(c.text));
    expect(err.name).toBe("ValidationError");
    expect(err.message.startsWith(`${FILE}: `)).toBe(true);
    expect(err.where.file).toBe(FILE);
    if (c.field !== undefined) {
      expect(err.message.startsWith(`${FILE}: ${c.field}: `)).toBe(true);
      expect(err.where.field).toBe(c.field);
    }
    if (c.shows !== undefined) expect(err.message).toContain(c.shows);
  });

  it("uses the file name it is given", () => {
    expect(() => parseSnapYaml("name: foo\n", { file: "/snap/foo/x1/meta/snap.yaml" })).toThrow(
      /^\/snap\/foo\/x1\/meta\/snap\.yaml: version: missing required field$/,
    );
  });

  it("records the offending value on the error", () => {
    expect(caught(() => parse(`${HEAD}type: daemon\n`)).where).toEqual({ file: FILE, field: "type", value: "daemon" });
    expect(caught(() => parse("name: Foo_Bar\nversion: '1'\n")).where).toEqual({ file: FILE, field: "name", value: "Foo_Bar" });
    expect(caught(() => parse(`${HEAD}plugs: {x: {interface: "Bad!"}}\n`)).where.value).toBe("Bad!");
  });

  it("is a ValidationError with the CLI's validation exit code", () => {
    const err = caught(() => parse(""));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toBeInstanceOf(Error);
    expect(err.exitCode).toBe(1);
  });

  it("the snapcraft.yaml flavour relaxes only the version and command checks", () => {
    // Missing version and quoted commands are snap.yaml-only failures.
    expect(() => parseAs("name: foo\n", "snapcraft.yaml")).not.toThrow();
    expect(() => parseAs(`${HEAD}apps:\n  a:\n    command: bin/a "x"\n`, "snapcraft.yaml")).not.toThrow();
    // Everything else fails the same way.
    expect(() => parseAs(`${HEAD}type: daemon\n`, "snapcraft.yaml")).toThrow(/^meta\/snap\.yaml: type: invalid value "daemon"/);
    expect(() => parseAs(`${HEAD}apps:\n  a:\n    daemon: sometimes\n`, "snapcraft.yaml")).toThrow(/apps\.a\.daemon: invalid value "sometimes"/);
    expect(() => parseAs(`${HEAD}plugs: {x: a}\nslots: {x: a}\n`, "snapcraft.yaml")).toThrow(/cannot have plug and slot with the same name/);
    expect(() => parseAs("", "snapcraft.yaml")).toThrow(/document is empty/);
  });

  it("explicit snap.yaml flavour behaves like the default", () => {
    expect(() => parseAs("name: foo\n", "snap.yaml")).toThrow(/^meta\/snap\.yaml: version: missing required field$/);
  });
});

describe("hooks and slots, as current snapd binds them", () => {
  it("binds a top-level slot that nothing names to every app and every hook", () => {
    const info = parse(HEAD + "slots:\n  srv: dbus\napps:\n  a:\n    command: a\nhooks:\n  configure:\n");
    expect(info.slots["srv"]).toMatchObject({ apps: ["a"], hooks: ["configure"] });
    expect(info.hooks["configure"]?.slots).toEqual(["srv"]);
  });

  it("skips an unsupported hook even when its name is malformed", () => {
    expect(Object.keys(parse(HEAD + "hooks:\n  Bad_Hook: {}\n").hooks)).toEqual([]);
  });

  it("refuses default-configure without configure", () => {
    expect(() => parse(HEAD + "hooks:\n  default-configure:\n")).toThrow(
      /^meta\/snap\.yaml: hooks\.default-configure: cannot specify "default-configure" hook without "configure" hook$/,
    );
    expect(Object.keys(parse(HEAD + "hooks:\n  default-configure:\n  configure:\n").hooks)).toEqual(["configure", "default-configure"]);
  });

  it("accepts a top-level list of plug names, as the plug contract of this project allows", () => {
    expect(Object.keys(parse(HEAD + "plugs: [network, camera]\n").plugs)).toEqual(["camera", "network"]);
  });
});

describe("deeply nested snap.yaml", () => {
  // Past a few hundred levels the user saw "Maximum call stack size exceeded".
  it.each([
    ["a flow list attribute", 5_000, (n: number) => `${HEAD}plugs:\n  p:\n    interface: content\n    x: ${"[".repeat(n)}${"]".repeat(n)}\n`],
    ["a flow list attribute", 100_000, (n: number) => `${HEAD}plugs:\n  p:\n    interface: content\n    x: ${"[".repeat(n)}${"]".repeat(n)}\n`],
    ["a block list attribute", 5_000, (n: number) => `${HEAD}plugs:\n  p:\n    interface: content\n    x:\n      ${"- ".repeat(n)}y\n`],
    ["a block list attribute", 100_000, (n: number) => `${HEAD}plugs:\n  p:\n    interface: content\n    x:\n      ${"- ".repeat(n)}y\n`],
  ])("refuses %s nested %i levels with the depth limit", (_shape, n, make) => {
    const started = Date.now();
    expect(() => parse(make(n))).toThrow(ValidationError);
    expect(() => parse(make(n))).toThrow(/^meta\/snap\.yaml: document nests deeper than 64 levels \(line [67]\)$/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
