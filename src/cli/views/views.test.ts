// The CLI's tables, fed with what the API answers for a real repository: the
// same layout snap prints from the same answer.
import { describe, expect, it } from "vitest";
import { builtinRegistry } from "../../../interfaces/index.js";
import { connectionsResponse } from "../../api/connections.js";
import { DEFAULT_DEVICE } from "../../device/index.js";
import { Repository } from "../../repo/index.js";
import { parseSnapYaml } from "../../snap/index.js";
import { connectionRows, formatConnections } from "./connections.js";
import { parseQuery, type ConnectionsJson } from "./endpoints.js";
import { formatInterfaces, interfacesView } from "./interfaces.js";

function system(): Repository {
  const repo = new Repository(builtinRegistry(), DEFAULT_DEVICE);
  for (const y of [
    "name: zed\nversion: '1'\nplugs: [network, camera]\n",
    "name: app\nversion: '1'\nplugs:\n  network: null\n  media:\n    interface: content\n    content: pics\n    target: $SNAP/pics\n",
    "name: gallery\nversion: '1'\nslots:\n  pictures:\n    interface: content\n    content: pics\n    read: [$SNAP/pics]\n  net-out:\n    interface: network\n",
  ])
    repo.addSnap(parseSnapYaml(y, { file: "t.yaml" }), "x1");
  const connect = (plug: string, slot: string, iface: string, extra: { auto?: boolean; byGadget?: boolean } = {}) => {
    const [ps, pn] = plug.split(":") as [string, string];
    const [ss, sn] = slot.split(":") as [string, string];
    const p = repo.plug({ snap: ps, name: pn })!;
    const s = repo.slot({ snap: ss, name: sn })!;
    repo.setConnection({ plug: { snap: ps, name: pn }, slot: { snap: ss, name: sn }, interface: iface, auto: extra.auto ?? false, byGadget: extra.byGadget ?? false, undesired: false, plugStatic: p.attrs, slotStatic: s.attrs });
  };
  connect("zed:network", "core:network", "network", { auto: true });
  connect("app:network", "core:network", "network", { auto: true, byGadget: true });
  connect("app:media", "gallery:pictures", "content");
  return repo;
}

const answer = (repo: Repository, query: { all: boolean; snap?: string }): ConnectionsJson => (connectionsResponse(repo, query).body["result"] as ConnectionsJson);

describe("connections table", () => {
  it.each([
    [
      "connected only",
      { all: false },
      "",
      ["Interface      Plug         Slot              Notes", "content[pics]  app:media    gallery:pictures  manual", "network        app:network  :network          gadget", "network        zed:network  :network          -"],
    ],
    [
      // --all: unconnected plugs (the system snap's own too, as snap prints
      // them) and snap slots, never the system snap's unconnected slots.
      "all",
      { all: true },
      "",
      [
        "Interface                 Plug                       Slot              Notes",
        "camera                    zed:camera                 -                 -",
        "content[pics]             app:media                  gallery:pictures  manual",
        "cuda-driver-libs          :cuda-driver-libs          -                 -",
        "egl-driver-libs           :egl-driver-libs           -                 -",
        "gbm-driver-libs           :gbm-driver-libs           -                 -",
        "network                   -                          gallery:net-out   -",
        "network                   app:network                :network          gadget",
        "network                   zed:network                :network          -",
        "nvidia-video-driver-libs  :nvidia-video-driver-libs  -                 -",
        "opengl-driver-libs        :opengl-driver-libs        -                 -",
        "opengles-driver-libs      :opengles-driver-libs      -                 -",
        "vulkan-driver-libs        :vulkan-driver-libs        -                 -",
      ],
    ],
    ["one snap", { all: true, snap: "zed" }, "zed", ["Interface  Plug         Slot      Notes", "camera     zed:camera   -         -", "network    zed:network  :network  -"]],
  ])("%s", (_what, query, snap, lines) => {
    expect(formatConnections(connectionRows(answer(system(), query), { snap, all: query.all }))).toBe(lines.join("\n") + "\n");
  });

  it("lists the system snap's unconnected slots only when it is the snap asked for", () => {
    const rows = connectionRows(answer(system(), { all: true, snap: "core" }), { snap: "core", all: true });
    expect(rows.some((r) => r.slot?.slot === "camera" && r.plug === null)).toBe(true);
    expect(rows.some((r) => r.plug?.snap === "zed" && r.slot?.slot === "network")).toBe(true);
  });

  it("prints nothing at all when nothing is connected", () => {
    const repo = new Repository(builtinRegistry(), DEFAULT_DEVICE);
    expect(formatConnections(connectionRows(answer(repo, { all: false }), { snap: "", all: false }))).toBe("");
  });
});

describe("interfaces table", () => {
  const data = answer(system(), { all: true });
  const lines = (arg: string | undefined, iface = "") => formatInterfaces(interfacesView(data, { ...parseQuery(arg)!, interface: iface })).trimEnd().split("\n");
  it("shows a connected plug named like its slot by the snap alone, and unconnected plugs last", () => {
    // Every implicit slot of the system snap is listed, so the first column is wide: compare cells.
    const out = lines(undefined).map((l) => l.split(/\s{2,}/));
    expect(out[0]).toEqual(["Slot", "Plug"]);
    expect(out).toContainEqual([":network", "app,zed"]);
    expect(out).toContainEqual(["gallery:pictures", "app:media"]);
    expect(out).toContainEqual(["gallery:net-out", "-"]);
    expect(out.at(-1)).toEqual(["-", "zed:camera"]);
    // Slots keep the server's order: by snap name, the system snap ("core") before "gallery".
    expect(out.findIndex((r) => r[0] === ":network")).toBeLessThan(out.findIndex((r) => r[0] === "gallery:net-out"));
  });
  it.each([
    ["zed", "", ["Slot      Plug", ":network  app,zed", "-         zed:camera"]],
    ["gallery", "", ["Slot              Plug", "gallery:net-out   -", "gallery:pictures  app:media"]],
    [":pictures", "", ["Slot              Plug", "gallery:pictures  app:media"]],
    // A name narrows slots by their own name: a connected plug of that name is not listed.
    ["app:media", "", ["Slot  Plug"]],
    [undefined, "camera", ["Slot     Plug", ":camera  -", "-        zed:camera"]],
  ])("narrowed to %s %s", (arg, iface, want) => {
    expect(lines(arg, iface)).toEqual(want);
  });
  it.each([["foo:"], ["a:b:c"], [":"]])("refuses the query %j as snap does", (arg) => {
    expect(parseQuery(arg)).toBeUndefined();
  });
});
