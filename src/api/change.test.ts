import { describe, expect, it } from "vitest";
import { ChangeLog, changeInfo } from "./change.js";

const at = (s: number) => new Date(Date.UTC(2026, 11, 4, 5, 0, s));

function clock() {
  let s = 0;
  return () => at(s++);
}

const spec = (n: number) => ({ kind: "connect-snap", summary: `Connect a:p${n} to b:s`, snapNames: ["a", "b"], tasks: [{ kind: "connect", summary: `Connect a:p${n} to b:s` }] });

describe("ChangeLog", () => {
  it("runs changes one at a time, in the order they were made", async () => {
    const log = new ChangeLog(clock());
    const order: string[] = [];
    let release!: () => void;
    const first = log.start(spec(1), () => new Promise<void>((r) => (release = () => (order.push("first"), r()))));
    const second = log.start(spec(2), async () => void order.push("second"));
    await Promise.resolve();
    expect([first.status, second.status]).toEqual(["Doing", "Do"]);
    release();
    await log.settled();
    expect(order).toEqual(["first", "second"]);
    expect([first.status, second.status, first.tasks[0]!.status]).toEqual(["Done", "Done", "Done"]);
  });

  it("reports a failed change as snapd does: Error, every failed task with its reason, ready", async () => {
    const log = new ChangeLog(clock());
    const c = log.start(spec(1), async () => {
      throw new Error("cannot connect a:p1 to b:s: not allowed");
    });
    await log.settled();
    const info = changeInfo(c);
    expect(info).toMatchObject({ id: "1", kind: "connect-snap", status: "Error", ready: true, err: "cannot perform the following tasks:\n- Connect a:p1 to b:s (cannot connect a:p1 to b:s: not allowed)" });
    const task = (info["tasks"] as Record<string, unknown>[])[0]!;
    expect(task).toMatchObject({ id: "1", kind: "connect", status: "Error", progress: { label: "", done: 0, total: 1 } });
    expect(task["log"]).toEqual([expect.stringMatching(/^2026-12-04T05:00:\d\dZ ERROR cannot connect a:p1 to b:s: not allowed$/)]);
  });

  it("a change that needed no work is Done at once and has no tasks, no error and no data", () => {
    const log = new ChangeLog(clock());
    const info = changeInfo(log.done({ kind: "connect-snap", summary: "Connect a:p to b:s", snapNames: ["a", "b"] }));
    expect(info).toEqual({ id: "1", kind: "connect-snap", summary: "Connect a:p to b:s", status: "Done", tasks: [], ready: true, "spawn-time": at(0).toISOString(), "ready-time": at(1).toISOString() });
  });

  it("aborts a change that has not started, and refuses to abort one that is running or ready", async () => {
    const log = new ChangeLog(clock());
    let release!: () => void;
    let ran = false;
    const running = log.start(spec(1), () => new Promise<void>((r) => (release = r)));
    const waiting = log.start(spec(2), async () => void (ran = true));
    await Promise.resolve();
    expect(log.abort(running.id)).toEqual({ error: "cannot abort change 1: it is being applied, as one transaction, and will finish shortly" });
    expect(log.abort(waiting.id)).toBe(waiting);
    expect(waiting.status).toBe("Hold");
    release();
    await log.settled();
    expect(ran).toBe(false);
    expect(log.abort(running.id)).toEqual({ error: "cannot abort change 1 with nothing pending" });
    expect(log.abort("99")).toEqual({ error: 'cannot find change with id "99"' });
  });

  it("forgets the oldest ready changes beyond 200, never one in progress", async () => {
    const log = new ChangeLog(clock());
    let release!: () => void;
    const pending = log.start(spec(0), () => new Promise<void>((r) => (release = r)));
    await Promise.resolve();
    for (let i = 1; i <= 210; i++) log.done({ kind: "connect-snap", summary: `c${i}`, snapNames: [] });
    // 200 ready changes and the pending one; the ids of forgotten changes are not reused.
    expect(log.all()).toHaveLength(201);
    expect(log.get(pending.id)).toBe(pending);
    expect(log.get("2")).toBeUndefined();
    expect(log.done({ kind: "k", summary: "s", snapNames: [] }).id).toBe("212");
    release();
    await log.settled();
  });
});
