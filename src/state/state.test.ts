import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StateError } from "../errors/index.js";
import { makePaths, type Paths } from "../paths/index.js";
import { EMPTY_STATE, parseState, readState, serializeState, withStateLock, writeState, type State } from "./index.js";

const sample: State = {
  format: 1,
  snaps: { foo: { revision: "x1", "last-local-revision": 1, source: "/src/foo", dangerous: true } },
  connections: {
    "foo:camera core:camera": { interface: "camera", auto: false, "by-gadget": false, undesired: false, "plug-static": {}, "slot-static": {} },
  },
  warnings: [],
};

describe("state file", () => {
  let dir: string;
  let paths: Paths;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "pb-state-"));
    paths = makePaths(dir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("reads as empty when absent and round-trips what was written", async () => {
    expect(await readState(paths)).toEqual(EMPTY_STATE);
    await writeState(paths, sample);
    expect(await readState(paths)).toEqual(sample);
    // No temporary files are left beside it.
    expect(await readdir(paths.varLib)).toEqual(["state.json"]);
  });

  it("serialises deterministically whatever the key order", () => {
    const shuffled = JSON.parse(JSON.stringify({ warnings: [], connections: sample.connections, snaps: sample.snaps, format: 1 })) as State;
    expect(serializeState(shuffled)).toBe(serializeState(sample));
  });

  it.each([
    ["not JSON", "{", /not valid JSON/],
    ["a list", "[]", /expected a JSON object/],
    ["an unknown format", JSON.stringify({ ...sample, format: 2 }), /format 2 is not one this version understands/],
    ["a bad snap name", JSON.stringify({ ...sample, snaps: { "Bad!": sample.snaps["foo"] } }), /invalid snap name "Bad!"/],
    ["a bad revision", JSON.stringify({ ...sample, snaps: { foo: { ...sample.snaps["foo"], revision: "../x" } } }), /malformed entry for snap "foo"/],
    ["a malformed connection key", JSON.stringify({ ...sample, connections: { "foo core:camera": {} } }), /malformed connection key/],
    ["a malformed connection", JSON.stringify({ ...sample, connections: { "foo:camera core:camera": { interface: 1 } } }), /malformed connection/],
  ])("refuses %s with a StateError that says nothing changed", (_l, text, re) => {
    expect(() => parseState(text, "/s.json")).toThrow(StateError);
    expect(() => parseState(text, "/s.json")).toThrow(re);
    expect(() => parseState(text, "/s.json")).toThrow(/nothing was changed/);
  });

  it("serialises holders of the lock", async () => {
    const order: string[] = [];
    const slow = withStateLock(paths, async () => {
      order.push("a-start");
      await new Promise((r) => setTimeout(r, 200));
      order.push("a-end");
    });
    await new Promise((r) => setTimeout(r, 20));
    const fast = withStateLock(paths, async () => {
      order.push("b");
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual(["a-start", "a-end", "b"]);
  });

  it("writes are atomic: the old content stays until the rename", async () => {
    await writeState(paths, sample);
    const before = await readFile(paths.stateFile, "utf8");
    await writeState(paths, { ...sample, warnings: [{ message: "m", "first-added": "t", "last-added": "t" }] });
    const after = await readFile(paths.stateFile, "utf8");
    expect(after).not.toBe(before);
    expect(JSON.parse(after).warnings).toHaveLength(1);
  });
});
