import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, EXAMPLES, ok, tempRoot, writeSnapDir } from "./helpers/cli.js";

describe("gadget connections", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ root, cleanup } = await tempRoot()));
  afterEach(() => cleanup());

  const gadget = async (connections: string) => {
    const dir = await writeSnapDir(root, "pc", "name: pc\nversion: '1'\ntype: gadget\n");
    await writeFile(path.join(dir, "meta/gadget.yaml"), `volumes: {}\nconnections:\n${connections}`);
    return dir;
  };

  it("are made under connection rules, before auto-connections, whichever snap comes first", async () => {
    const dir = await gadget("  - plug: foo:camera\n    slot: system:camera\n  - plug: foo:log-observe\n");
    await ok(root, "install", "--dangerous", `${EXAMPLES}/foo`);
    expect(await ok(root, "install", "--dangerous", dir)).toBe(
      "pc 1 (x1) installed\n  auto-connected foo:camera :camera (gadget)\n  auto-connected foo:log-observe :log-observe (gadget)",
    );
    const table = await ok(root, "connections", "foo");
    expect(table).toMatch(/^camera\s+foo:camera\s+:camera\s+gadget$/m);
    expect(table).toMatch(/^log-observe\s+foo:log-observe\s+:log-observe\s+gadget$/m);

    // A snap installed after the gadget gets its entries too.
    const late = await writeSnapDir(root, "late", "name: late\nversion: '1'\nplugs: [camera]\n");
    await writeFile(path.join(root, "src-snaps/pc/meta/gadget.yaml"), "connections:\n  - plug: late:camera\n");
    await ok(root, "install", "--dangerous", path.join(root, "src-snaps/pc"));
    expect(await ok(root, "install", "--dangerous", late)).toBe("late 1 (x1) installed\n  auto-connected late:camera :camera (gadget)");
  });

  it("that the connection rules refuse are reported, not made", async () => {
    const provider = await writeSnapDir(root, "dockerd", "name: dockerd\nversion: '1'\nslots:\n  daemon: docker\n");
    const consumer = await writeSnapDir(root, "client", "name: client\nversion: '1'\nplugs: [docker]\n");
    await ok(root, "install", "--dangerous", provider);
    await ok(root, "install", "--dangerous", await gadget("  - plug: client:docker\n    slot: dockerd:daemon\n"));
    const r = await cli(root, "install", "--dangerous", consumer);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain("WARNING: gadget connection client:docker dockerd:daemon refused: connection denied by deny-connection in the base declaration (slots)");
    // As snap: no connection, no table at all.
    expect(await ok(root, "connections")).toBe("");
  });

  it("a malformed gadget.yaml is refused before anything changes", async () => {
    const r = await cli(root, "install", "--dangerous", await gadget("  - plug: not a ref\n"));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/gadget.yaml: connections\[0\].plug: "not a ref" is not SNAP-ID:NAME/);
    await mkdir(path.join(root, "var"), { recursive: true });
    expect(await ok(root, "connections", "--all")).not.toMatch(/(^|\s)pc:/m);
  });
});
