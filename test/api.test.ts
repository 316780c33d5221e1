// The agent's REST API, driven by the real `snap` command from Debian's
// snapd package (it finds the agent at $SNAPPY_GLOBAL_ROOT/run/snapd.socket)
// and by plain HTTP on the socket for the shapes and error paths.
import { execa, type ResultPromise } from "execa";
import { request } from "node:http";
import { connect } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ok, tempRoot, writeSnapDir } from "./helpers/cli.js";

let root: string;
let cleanup: () => Promise<void>;
let agent: ResultPromise;

/** The real snap client, pointed at the agent's root. */
const snap = (...args: string[]) => execa("snap", args, { reject: false, env: { SNAPPY_GLOBAL_ROOT: root, LANG: "C.UTF-8" } });

function get(socket: string, url: string, method = "GET", body?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: socket, path: url, method }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

beforeAll(async () => {
  ({ root, cleanup } = await tempRoot());
  const bar = await writeSnapDir(root, "bar", "name: bar\nversion: '1'\napps:\n  bar:\n    command: bin/bar\n    plugs: [network, log-observe, camera]\nhooks:\n  configure:\n    plugs: [network]\n");
  const cam = await writeSnapDir(root, "cam", "name: cam\nversion: '2'\napps:\n  serve:\n    command: bin/serve\nslots:\n  video:\n    interface: mpris\n    name: cam\nplugs:\n  player:\n    interface: mpris\n");
  await ok(root, "install", "--dangerous", bar);
  await ok(root, "install", "--dangerous", cam);
  await ok(root, "connect", "cam:player", "cam:video");
  await ok(root, "disconnect", "bar:network");
  agent = execa(process.execPath, [BIN, "--root", root, "agent", "--log-format", "json"], { reject: false, env: { PLUGBOARD_ROOT: "" } });
  await new Promise<void>((resolve, reject) => {
    agent.stdout!.on("data", (d: Buffer) => d.toString().includes("READY") && resolve());
    void agent.then((r) => reject(new Error(`the agent stopped: ${r.stderr}`)));
  });
}, 120_000);

afterAll(async () => {
  agent?.kill("SIGTERM");
  await agent?.catch(() => undefined);
  await cleanup?.();
});

describe("the real snap command against the agent", () => {
  it("snap connections: the connections in force, in snapd's order and layout", async () => {
    const r = await snap("connections");
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.split("\n")).toEqual(["Interface  Plug        Slot       Notes", "mpris      cam:player  cam:video  manual"]);
  });

  it("snap connections --all: unconnected plugs too, and no unconnected system slots", async () => {
    const r = await snap("connections", "--all");
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.split("\n")).toEqual([
      "Interface    Plug             Slot       Notes",
      "camera       bar:camera       -          -",
      "log-observe  bar:log-observe  -          -",
      "mpris        cam:player       cam:video  manual",
      "network      bar:network      -          -",
    ]);
  });

  it("snap connections SNAP: the snap's plugs and slots, connected or not", async () => {
    const r = await snap("connections", "bar");
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^Interface\s+Plug\s+Slot\s+Notes$/);
    expect(r.stdout).toMatch(/^network\s+bar:network\s+-\s+-$/m);
    expect(r.stdout).not.toContain("cam:");
  });

  it("an unknown snap is snapd's error, with snap's exit code", async () => {
    const r = await snap("connections", "nope");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: snap "nope" not found');
  });

  it("snap version shows the agent's version and the root's system", async () => {
    const r = await snap("version");
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^snapd\s+\d+\.\d+\.\d+/m);
    expect(r.stdout).toMatch(/^series\s+16$/m);
  });
});

describe("the API's shapes and errors", () => {
  const socket = () => path.join(root, "run/snapd.socket");

  it("serves the same API on Plugboard's own socket, and both are open to every local user", async () => {
    const a = await get(socket(), "/v2/connections?select=all");
    const b = await get(path.join(root, "run/plugboard.socket"), "/v2/connections?select=all");
    expect(b).toEqual(a);
    const { stat } = await import("node:fs/promises");
    for (const f of ["snapd.socket", "plugboard.socket"]) expect((await stat(path.join(root, "run", f))).mode & 0o777).toBe(0o666);
  });

  it("GET /v2/connections: the sync envelope and snapd's fields", async () => {
    const r = await get(socket(), "/v2/connections?select=all");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ type: "sync", "status-code": 200, status: "OK" });
    const result = r.json["result"] as Record<string, unknown>;
    expect(result["established"]).toEqual([
      { slot: { snap: "cam", slot: "video" }, plug: { snap: "cam", plug: "player" }, interface: "mpris", manual: true, "slot-attrs": { name: "cam" } },
    ]);
    // bar:network was auto-connected and then disconnected: an undesired record, shown as manual.
    expect(result["undesired"]).toEqual([{ slot: { snap: "core", slot: "network" }, plug: { snap: "bar", plug: "network" }, interface: "network", manual: true }]);
    const plugs = result["plugs"] as Record<string, unknown>[];
    expect(plugs.map((p) => `${p["snap"]}:${p["plug"]}`)).toEqual(["bar:camera", "bar:log-observe", "bar:network", "cam:player"]);
    // Hooks are not apps; the plug the app and the configure hook share lists the app only.
    expect(plugs.find((p) => p["plug"] === "network")).toEqual({ snap: "bar", plug: "network", interface: "network", apps: ["bar"] });
    expect(plugs.find((p) => p["plug"] === "player")).toMatchObject({ connections: [{ snap: "cam", slot: "video" }] });
  });

  it("only connected plugs and slots without select=all; filters by snap and interface", async () => {
    const connected = (await get(socket(), "/v2/connections")).json["result"] as Record<string, unknown[]>;
    expect(connected["plugs"]).toHaveLength(1);
    expect(connected["undesired"]).toBeUndefined();
    const byIface = (await get(socket(), "/v2/connections?select=all&interface=camera")).json["result"] as Record<string, unknown[]>;
    expect(byIface["plugs"]).toEqual([{ snap: "bar", plug: "camera", interface: "camera", apps: ["bar"] }]);
    expect(byIface["established"]).toEqual([]);
    const bySnap = (await get(socket(), "/v2/connections?select=all&snap=cam")).json["result"] as Record<string, unknown[]>;
    expect(bySnap["plugs"]!.map((p) => (p as Record<string, unknown>)["snap"])).toEqual(["cam"]);
  });

  it.each([
    ["GET", "/v2/connections?select=bogus", 400, { message: "unsupported select qualifier" }],
    ["GET", "/v2/connections?snap=nope", 404, { message: 'snap "nope" not found', kind: "snap-not-found", value: "nope" }],
    ["GET", "/v2/nothing-here", 404, { message: "not found" }],
    ["DELETE", "/v2/connections", 405, { message: 'method "DELETE" not allowed' }],
  ] as const)("%s %s: %i with snapd's error shape", async (method, url, status, result) => {
    const r = await get(socket(), url, method);
    expect(r.status).toBe(status);
    expect(r.json).toEqual({ type: "error", "status-code": status, status: expect.any(String), result });
  });

  it("refuses a body larger than any request needs without reading it, and keeps serving", async () => {
    // A client that announces 100 MB and sends a few bytes gets its answer at once.
    const answer = await new Promise<string>((resolve, reject) => {
      const c = connect(socket());
      let text = "";
      c.on("data", (d) => (text += d.toString()));
      c.on("close", () => resolve(text));
      c.on("error", reject);
      c.write("POST /v2/connections HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000000\r\n\r\nxyz");
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4))).toMatchObject({ type: "error", "status-code": 413 });
    expect((await get(socket(), "/v2/connections")).status).toBe(200);
  });

  it("answers from the state after a change made without the API", async () => {
    await ok(root, "connect", "bar:camera");
    const deadline = Date.now() + 20_000;
    let established: unknown[] = [];
    while (Date.now() < deadline) {
      established = ((await get(socket(), "/v2/connections")).json["result"] as Record<string, unknown[]>)["established"]!;
      if (established.length === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(established).toContainEqual({ slot: { snap: "core", slot: "camera" }, plug: { snap: "bar", plug: "camera" }, interface: "camera", manual: true });
    await ok(root, "disconnect", "bar:camera");
  });
});
