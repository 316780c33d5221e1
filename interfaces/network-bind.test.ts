import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SECCOMP_TEMPLATE, parseSeccompSource } from "../src/backends/seccomp/index.js";
import { buildCompiler, runConfined } from "../src/backends/seccomp/test-support.js";
import { compileSeccompBatch } from "../src/system/index.js";
import networkBind from "./network-bind.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const seccomp = seccompOf(networkBind, "connectedPlug", connectedContext(networkBind, {}, {}, { system: true }));

describe("network-bind", () => {
  it("grants IP sockets and serving: bind, listen, accept, accept4 (which the default template leaves out)", () => {
    expect(ruleLines(seccomp)).toEqual(["bind", "listen", "accept", "accept4", "socket AF_NETLINK - NETLINK_ROUTE", "socket AF_INET", "socket AF_INET6"]);
  });

  it.each([
    "@{etc_ro}/hosts r,",
    "@{run}/nscd/socket rw,",
    "/run/systemd/resolve/stub-resolv.conf rk,",
    "network netlink dgram,",
    'dbus (send) bus=system path="/org/freedesktop/resolve1" interface="org.freedesktop.resolve1.Manager" member="Resolve{Address,Hostname,Record,Service}" peer=(name="org.freedesktop.resolve1"),',
    "/etc/{,libre}ssl/certs/{,**} r,",
    "/etc/hosts.allow r,",
    "@{PROC}/sys/net/ipv4/ip_local_port_range r,",
    "@{PROC}/@{pid}/net/ipv6_route r,",
  ])("grants what snapd's does: %s", (rule) => {
    expect(ruleLines(snippet(networkBind, "connectedPlug", connectedContext(networkBind, {}, {}, { system: true })))).toContain(rule);
  });
});

// The snippet on top of the default template, enforced by the kernel on a real process.
describe("network-bind enforced by the kernel (bwrap --seccomp)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "plugboard-network-bind-"));
  const template = path.join(dir, "template.bin");
  const withPlug = path.join(dir, "network-bind.bin");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    buildCompiler();
    await compileSeccompBatch([
      { source: parseSeccompSource(DEFAULT_SECCOMP_TEMPLATE, "template.src"), output: template },
      { source: parseSeccompSource(`${DEFAULT_SECCOMP_TEMPLATE}\n${seccomp}\n`, "network-bind.src"), output: withPlug },
    ]);
  });

  // A server and a client in one process: a path socket, an abstract one and
  // loopback TCP, the last two at addresses the kernel picks (an empty
  // AF_UNIX address autobinds), so runs never collide. Python's accept() is
  // accept4.
  const SERVE = String.raw`
import errno, json, socket
def serve(family, addr):
    try:
        with socket.socket(family, socket.SOCK_STREAM) as srv:
            srv.bind(addr); srv.listen(1)
            with socket.socket(family, socket.SOCK_STREAM) as cli:
                cli.connect(srv.getsockname())
                conn, _ = srv.accept()
                with conn:
                    conn.sendall(b"hi")
                    return cli.recv(2).decode()
    except OSError as e:
        return errno.errorcode[e.errno]
print(json.dumps({
    "unix": serve(socket.AF_UNIX, "/tmp/srv.sock"),
    "abstract": serve(socket.AF_UNIX, ""),
    "tcp": serve(socket.AF_INET, ("127.0.0.1", 0)),
}))
`;
  const serve = async (filter: string) => {
    const r = await runConfined(filter, ["/usr/bin/python3", "-c", SERVE]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as Record<string, string>;
  };

  it("with the plug connected, an app serves on AF_UNIX and on loopback TCP", async () => {
    expect(await serve(withPlug)).toEqual({ unix: "hi", abstract: "hi", tcp: "hi" });
  });

  it("without it, binding is refused (and AF_INET sockets cannot even be made)", async () => {
    expect(await serve(template)).toEqual({ unix: "EPERM", abstract: "EPERM", tcp: "EPERM" });
  });

  it("node serves a unix socket with the plug connected", async () => {
    const script = `
const net = require("node:net");
const srv = net.createServer((c) => c.end("hi")).listen("/tmp/s", () => {
  net.connect("/tmp/s").on("data", (d) => {
    srv.close();
    console.log(JSON.stringify({ unix: d.toString() }));
  });
});
`;
    const r = await runConfined(withPlug, [process.execPath, "-e", script]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ unix: "hi" });
  });
});
