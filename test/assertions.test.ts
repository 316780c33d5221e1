import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cliWith, EXAMPLES, interfacesRows, snapshotTree, tempRoot, writeSnapDir, type CliResult } from "./helpers/cli.js";

// End to end with real signed assertions: keys made by create-key, requests
// by export-key, signatures by sign, trust and ack through the CLI.

let keys: string;
let material: string;
const env = () => ({ PLUGBOARD_KEYS: keys });


// What a store would grant the docker snap: its super-privileged plug and slot, connection by hand only.
const DOCKER_RULES = "plugs:\n  docker-support:\n    allow-installation: true\nslots:\n  docker:\n    allow-installation: true\n    deny-auto-connection: true";

async function run(root: string, args: string[], input?: string): Promise<CliResult> {
  return cliWith({ env: env(), ...(input !== undefined ? { input } : {}) }, root, ...args);
}
async function must(root: string, args: string[], input?: string): Promise<string> {
  const r = await run(root, args, input);
  if (r.exitCode !== 0) throw new Error(`plugboard ${args.join(" ")} exited ${r.exitCode}: ${r.stderr}`);
  return r.stdout;
}

/** A signed snap-declaration. `rules` is YAML for plugs:/slots: headers, indented by two. */
async function declaration(key: string, snap: string, publisher: string, rules = "", authority = "acme", more: { snapId?: string; timestamp?: string } = {}): Promise<string> {
  const headers = [
    "type: snap-declaration",
    `authority-id: ${authority}`,
    "series: '16'",
    `snap-id: ${more.snapId ?? `${snap}-id`}`,
    `snap-name: ${snap}`,
    `publisher-id: ${publisher}`,
    `timestamp: ${more.timestamp ?? new Date().toISOString()}`,
    rules,
  ].join("\n");
  return must("/nonexistent-root", ["sign", "-k", key], headers + "\n");
}

beforeAll(async () => {
  material = await mkdtemp(path.join(tmpdir(), "plugboard-keys-"));
  keys = path.join(material, "keys");
  for (const k of ["root", "store", "rogue", "mallory"]) await must("/nonexistent-root", ["create-key", k, "--bits", "2048"]);
  // root: self-signed, becomes the trusted root; store: an account-key the root signs.
  const rootReq = await must("/nonexistent-root", ["export-key", "root", "--account", "acme"]);
  await writeFile(path.join(material, "root.account-key"), await must("/nonexistent-root", ["sign", "-k", "root"], rootReq));
  const storeReq = await must("/nonexistent-root", ["export-key", "store", "--account", "acme"]);
  await writeFile(path.join(material, "store.account-key"), await must("/nonexistent-root", ["sign", "-k", "root"], storeReq));
  // mallory: another account the root gave a key to (a publisher), which is not an authority.
  const malloryReq = await must("/nonexistent-root", ["export-key", "mallory", "--account", "mallory", "--authority", "acme"]);
  await writeFile(path.join(material, "mallory.account-key"), await must("/nonexistent-root", ["sign", "-k", "root"], malloryReq));
}, 120_000);
afterAll(() => rm(material, { recursive: true, force: true }));

describe("signed assertions and policy, end to end", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ root, cleanup } = await tempRoot());
    await must(root, ["trust", path.join(material, "root.account-key")]);
    await must(root, ["ack", path.join(material, "store.account-key")]);
  });
  afterEach(() => cleanup());

  const ack = async (text: string) => {
    const f = path.join(root, `decl-${Math.random().toString(36).slice(2)}.assert`);
    await writeFile(f, text);
    return run(root, ["ack", f]);
  };

  it("hello-docker: the default provider is installed first, content auto-connects by publisher, docker does not", async () => {
    await ack(await declaration("store", "docker", "acme", DOCKER_RULES));
    await ack(await declaration("store", "hello-docker", "acme"));
    const available = path.join(root, "var/lib/plugboard/available");
    await mkdir(available, { recursive: true });
    await cp(path.join(EXAMPLES, "docker"), path.join(available, "docker"), { recursive: true });

    const out = await must(root, ["install", path.join(EXAMPLES, "hello-docker")]);
    expect(out.split("\n")[0]).toBe("docker 28.2 (x1) installed");
    expect(out).toContain("hello-docker 1.0 (x1) installed\n  auto-connected hello-docker:docker-executables docker:docker-executables");
    const conns = await must(root, ["connections", "hello-docker"]);
    expect(conns).toMatch(/^content\[docker-executables\]\s+hello-docker:docker-executables\s+docker:docker-executables\s+-$/m);
    expect(conns).toMatch(/^docker\s+hello-docker:docker\s+-\s+-$/m);

    // docker is super-privileged: it connects only by hand (allowed by the docker snap's declaration).
    await must(root, ["connect", "hello-docker:docker", "docker:docker-daemon"]);
    expect(await must(root, ["connections", "hello-docker"])).toMatch(/^docker\s+hello-docker:docker\s+docker:docker-daemon\s+manual$/m);
  });

  it("a snap-declaration that allows auto-connection of a super-privileged interface makes it connect", async () => {
    // On classic the system offers docker too (implicit, as in snapd), so the grant names the slot snap.
    await ack(await declaration("store", "docker", "acme", DOCKER_RULES));
    await ack(await declaration("store", "hello-docker", "acme", "plugs:\n  docker:\n    allow-auto-connection:\n      slot-snap-id:\n        - docker-id"));
    await must(root, ["install", path.join(EXAMPLES, "docker")]);
    const out = await must(root, ["install", path.join(EXAMPLES, "hello-docker")]);
    expect(out).toContain("auto-connected hello-docker:docker docker:docker-daemon");
  });

  it("a snap-declaration that denies installation blocks install and changes nothing", async () => {
    await ack(await declaration("store", "foo", "acme", "plugs:\n  camera:\n    deny-installation: true"));
    const before = await readFile(path.join(root, "var/lib/plugboard/state.json"), "utf8").catch(() => "");
    const r = await run(root, ["install", path.join(EXAMPLES, "foo")]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      `error: cannot install "foo": plug "camera" (camera interface): installation denied by deny-installation in the plug snap's snap-declaration`,
    );
    expect(await readFile(path.join(root, "var/lib/plugboard/state.json"), "utf8").catch(() => "")).toBe(before);
  });

  it("without --dangerous a super-privileged slot needs its declaration to allow installation", async () => {
    await ack(await declaration("store", "docker", "acme", "plugs:\n  docker-support:\n    allow-installation: true"));
    const r = await run(root, ["install", path.join(EXAMPLES, "docker")]);
    expect(r.stderr).toMatch(/^error: cannot install "docker": slot "docker-daemon" \(docker interface\): installation not allowed by allow-installation in the base declaration \(slots\): the rule is false; a snap-declaration must allow it/);
  });

  it("a content plug auto-connects to a same-publisher slot and not across publishers", async () => {
    await ack(await declaration("store", "docker", "acme", DOCKER_RULES));
    await ack(await declaration("store", "stranger", "someone-else"));
    await must(root, ["install", path.join(EXAMPLES, "docker")]);
    const stranger = await writeSnapDir(
      root,
      "stranger",
      "name: stranger\nversion: '1'\nplugs:\n  exe:\n    interface: content\n    content: docker-executables\n    target: $SNAP/docker\n",
    );
    expect(await must(root, ["install", stranger])).toBe("stranger 1 (x1) installed");
    const why = await must(root, ["explain", "stranger:exe"]);
    expect(why).toContain("docker:docker-executables: does not auto-connect");
    expect(why).toMatch(/plug-publisher-id: publisher "someone-else" is not one of \[acme\]/);
    // Same labels make the manual connection allowed.
    await must(root, ["connect", "stranger:exe", "docker:docker-executables"]);
  });

  it("refuses a forged declaration and one re-signed by an untrusted key, leaving the database unchanged", async () => {
    const good = await declaration("store", "foo", "acme");
    const forged = good.replace("publisher-id: acme", "publisher-id: evil");
    const dbDir = path.join(root, "var/lib/plugboard/assertions");
    const r1 = await ack(forged);
    expect(r1.exitCode).toBe(1);
    expect(r1.stderr).toMatch(/signature does not verify/);
    const r2 = await ack(await declaration("rogue", "foo", "acme"));
    expect(r2.exitCode).toBe(1);
    expect(r2.stderr).toMatch(/no known account-key with id/);
    const r3 = await ack(await declaration("store", "foo", "acme", "", "someone"));
    expect(r3.exitCode).toBe(1);
    expect(r3.stderr).toMatch(/authority-id someone does not match/);
    expect(await readFile(path.join(dbDir, "snap-declaration"), "utf8").catch((e) => e.code)).toBe("ENOENT");
    expect((await run(root, ["install", path.join(EXAMPLES, "foo")])).stderr).toMatch(/cannot find a snap-declaration for "foo"/);
    // The genuine one is accepted.
    expect((await ack(good)).stdout).toBe("1 added, 0 already known");
    expect(await must(root, ["known", "snap-declaration", "snap-name=foo"])).toContain("publisher-id: acme");
  });

  it("a declaration by an account the root only gave a key is refused at ack, even dated 2099, and install uses the genuine one", async () => {
    expect((await ack(await readFile(path.join(material, "mallory.account-key"), "utf8"))).exitCode).toBe(0);
    await ack(await declaration("store", "foo", "acme"));
    const dbDir = path.join(root, "var/lib/plugboard/assertions");
    const before = await snapshotTree(dbDir);
    // Camera does not auto-connect by the base declaration; the squatter's rules would make it.
    const squat = await declaration("mallory", "foo", "mallory", "plugs:\n  camera:\n    allow-auto-connection: true", "mallory", {
      snapId: "squat-id",
      timestamp: "2099-01-01T00:00:00Z",
    });
    const r = await ack(squat);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'error: snap-declaration series=16 snap-id=squat-id: authority-id mallory is not a directly trusted authority (trusted: acme); a snap-declaration for snap "foo" must be signed by the account of a trusted root key, not by an account that only holds a key it signed',
    );
    expect(await snapshotTree(dbDir)).toEqual(before);

    await must(root, ["install", path.join(EXAMPLES, "foo")]);
    const state = JSON.parse(await readFile(path.join(root, "var/lib/plugboard/state.json"), "utf8"));
    expect(state.snaps.foo).toMatchObject({ "snap-id": "foo-id", "publisher-id": "acme", dangerous: false });
    expect(interfacesRows(await must(root, ["interfaces", "foo"]))).toContainEqual(["-", "foo:camera"]);
  });

  it("a declaration by a non-authority stored before the rule is ignored, and install says so", async () => {
    const squat = await declaration("mallory", "foo", "mallory", "", "mallory", { snapId: "squat-id" });
    // As an earlier Plugboard, which checked only the key chain, would have stored it.
    const file = path.join(root, "var/lib/plugboard/assertions/snap-declaration/16_squat-id.assert");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, squat + "\n");
    const r = await run(root, ["install", path.join(EXAMPLES, "foo")]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot find a snap-declaration for "foo"; .* \(ignored \S+16_squat-id\.assert: snap-declaration series=16 snap-id=squat-id: authority-id mallory is not a directly trusted authority/);
    expect(await must(root, ["known", "snap-declaration"])).toBe("");
    expect(await readFile(file, "utf8")).toBe(squat + "\n");
  });

  it("of two revisions from the store the highest is used, even when its timestamp is the older", async () => {
    const rev2 = await declaration("store", "foo", "acme", "revision: '2'\nplugs:\n  camera:\n    allow-auto-connection: true");
    const rev1 = await declaration("store", "foo", "acme", "revision: '1'", "acme", { timestamp: "2099-01-01T00:00:00Z" });
    const r = await ack(`${rev2}\n\n${rev1}\n`);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("1 added, 0 already known");
    expect(await must(root, ["known", "snap-declaration", "snap-name=foo"])).toContain("revision: 2");
    // Going back afterwards is refused, and changes nothing.
    expect((await ack(rev1)).stderr).toMatch(/revision 1 is older than the stored revision 2/);
    expect(await must(root, ["install", path.join(EXAMPLES, "foo")])).toContain("auto-connected foo:camera :camera");
  });

  it("a declaration whose rules do not compile is refused at ack time", async () => {
    const r = await ack(await declaration("store", "foo", "acme", "plugs:\n  camera:\n    allow-auto-connection:\n      frobnicate: 'true'"));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/constraint "frobnicate" is not allowed here/);
  });

  it("explain names both candidate slots and says why neither auto-connected", async () => {
    await mkdir(path.join(root, "etc/plugboard"), { recursive: true });
    await writeFile(path.join(root, "etc/plugboard/device.yaml"), "mode: core\n");
    await must(root, ["install", "--dangerous", path.join(EXAMPLES, "baz")]);
    await must(root, ["install", "--dangerous", path.join(EXAMPLES, "foo-blue")]);
    const other = await writeSnapDir(root, "other-blue", "name: other-blue\nversion: '1'\nslots:\n  bt: bluez\n");
    await must(root, ["install", "--dangerous", other]);
    const out = await must(root, ["explain", "baz:bluez"]);
    expect(out).toContain("baz:bluez (bluez interface): none of the 2 candidate slots passes the auto-connection check");
    expect(out).toContain("foo-blue:bluez: does not auto-connect");
    expect(out).toContain("other-blue:bt: does not auto-connect");
    expect(out.match(/auto-connection: refused: auto-connection denied by deny-auto-connection in the base declaration \(slots\)/g)).toHaveLength(2);
  });

  it("explain says when two passing candidates are too many for one plug", async () => {
    await ack(await declaration("store", "docker", "acme", DOCKER_RULES));
    await ack(await declaration("store", "docker-two", "acme"));
    await ack(await declaration("store", "hello-docker", "acme"));
    await must(root, ["install", path.join(EXAMPLES, "docker")]);
    const two = await writeSnapDir(root, "docker-two", "name: docker-two\nversion: '1'\nslots:\n  exe:\n    interface: content\n    content: docker-executables\n    read: [bin]\n");
    await must(root, ["install", two]);
    const r = await run(root, ["install", path.join(EXAMPLES, "hello-docker")]);
    expect(r.stderr).toContain("cannot auto-connect plug hello-docker:docker-executables: 2 candidate slots (docker:docker-executables, docker-two:exe)");
    const json = JSON.parse(await must(root, ["explain", "hello-docker:docker-executables", "--json"]));
    expect(json.candidates.map((c: { display: string; wouldAutoConnect: boolean; autoConnect: { allowed: boolean } }) => [c.display, c.autoConnect.allowed, c.wouldAutoConnect])).toEqual([
      ["docker:docker-executables", true, false],
      ["docker-two:exe", true, false],
    ]);
    expect(json.summary).toMatch(/2 of 2 candidate slots pass the auto-connection check; a plug auto-connects only to a single candidate/);
  });

  it("a refresh from classic to strict confinement makes no automatic connections", async () => {
    const v1 = await writeSnapDir(root, "c1", "name: movers\nversion: '1'\nconfinement: classic\nplugs: [network]\n");
    const v2 = await writeSnapDir(root, "c2", "name: movers\nversion: '2'\nplugs: [network]\n");
    expect(await must(root, ["install", "--dangerous", "--classic", v1])).toBe("movers 1 (x1) installed\n  auto-connected movers:network :network");
    await must(root, ["disconnect", "--forget", "movers:network"]);
    expect(await must(root, ["install", "--dangerous", v2])).toBe("movers 2 (x2) refreshed");
    expect(interfacesRows(await must(root, ["interfaces", "movers"]))).toEqual([["-", "movers:network"]]);
  });

  it("a declaration that newly grants auto-connection takes effect at the next refresh, not before", async () => {
    await ack(await declaration("store", "docker", "acme", DOCKER_RULES));
    await ack(await declaration("store", "hello-docker", "acme"));
    await must(root, ["install", path.join(EXAMPLES, "docker")]);
    await must(root, ["install", path.join(EXAMPLES, "hello-docker")]);
    const revised = await declaration("store", "hello-docker", "acme", "revision: '1'\nplugs:\n  docker:\n    allow-auto-connection:\n      slot-snap-id:\n        - docker-id");
    expect((await ack(revised)).stdout).toBe("1 added, 0 already known");
    expect(await must(root, ["connections", "hello-docker"])).toMatch(/^docker\s+hello-docker:docker\s+-\s+-$/m);
    expect(await must(root, ["install", path.join(EXAMPLES, "hello-docker")])).toContain("auto-connected hello-docker:docker docker:docker-daemon");
  });

  it("an installed default provider without the content label is refreshed from --provider-dir", async () => {
    await ack(await declaration("store", "docker", "acme", DOCKER_RULES));
    await ack(await declaration("store", "hello-docker", "acme"));
    const old = await writeSnapDir(root, "docker-old", "name: docker\nversion: '27'\nplugs: [network]\n");
    await must(root, ["install", old]);
    const providers = path.join(root, "providers");
    await mkdir(providers, { recursive: true });
    await cp(path.join(EXAMPLES, "docker"), path.join(providers, "docker"), { recursive: true });
    const out = await must(root, ["install", "--provider-dir", providers, path.join(EXAMPLES, "hello-docker")]);
    expect(out.split("\n")[0]).toBe("docker 28.2 (x2) refreshed");
    expect(out).toContain("auto-connected hello-docker:docker-executables docker:docker-executables");
  });

  it("a missing default provider is a clear error that installs nothing", async () => {
    await ack(await declaration("store", "hello-docker", "acme"));
    const r = await run(root, ["install", path.join(EXAMPLES, "hello-docker")]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/its plug "docker-executables" needs the default provider "docker", which is not installed and not among the available snaps/);
    expect(await must(root, ["connections", "--all"])).not.toMatch(/hello-docker/);
  });

  it("device scope comes from an acknowledged model assertion", async () => {
    const model = await must("/nonexistent-root", ["sign", "-k", "store"], [
      "type: model",
      "authority-id: acme",
      "series: '16'",
      "brand-id: acme",
      "model: gizmo",
      "store: acme-store",
      `timestamp: ${new Date().toISOString()}`,
      "",
    ].join("\n"));
    await ack(await declaration("store", "docker", "acme", DOCKER_RULES));
    await ack(await declaration("store", "hello-docker", "acme", "plugs:\n  docker:\n    allow-auto-connection:\n      on-store:\n        - acme-store\n      slot-snap-id:\n        - docker-id"));
    await must(root, ["install", path.join(EXAMPLES, "docker")]);
    const why = await must(root, ["explain", "hello-docker:docker"]).catch((e: Error) => e.message);
    expect(why).toMatch(/has no plug|not installed/);
    await must(root, ["install", path.join(EXAMPLES, "hello-docker")]);
    expect(await must(root, ["explain", "hello-docker:docker"])).toMatch(/on-store: store \(none\) is not one of \[acme-store\]/);
    await ack(model);
    expect(await must(root, ["explain", "hello-docker:docker"])).toMatch(/docker:docker-daemon: auto-connects/);
  });
});
