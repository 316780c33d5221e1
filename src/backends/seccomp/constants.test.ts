import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SECCOMP_CONSTANTS } from "./constants.js";

// The table is typed in by hand; the C headers of this machine are the
// reference. Every name must be defined there with the same value.
describe("symbolic constants", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "plugboard-seccomp-consts-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("match the C headers", () => {
    const lines = [
      "#define _GNU_SOURCE",
      "#include <sys/socket.h>",
      "#include <netinet/in.h>",
      "#include <linux/netlink.h>",
      "#include <sched.h>",
      "#include <sys/prctl.h>",
      "#include <sys/resource.h>",
      "#include <sys/ioctl.h>",
      "#include <stdio.h>",
      "int main(void) {",
    ];
    for (const name of SECCOMP_CONSTANTS.keys()) {
      lines.push(`#ifdef ${name}`, `printf("${name} %llu\\n", (unsigned long long)(${name}));`, "#else", `printf("${name} missing\\n");`, "#endif");
    }
    lines.push("return 0;", "}");
    writeFileSync(path.join(dir, "c.c"), lines.join("\n") + "\n");
    execFileSync(process.env.CC || "cc", ["-o", path.join(dir, "c"), path.join(dir, "c.c")]);
    const out = execFileSync(path.join(dir, "c"), { encoding: "utf8" });
    const fromHeaders = new Map(out.trim().split("\n").map((l) => l.split(" ") as [string, string]));
    const mismatches = [...SECCOMP_CONSTANTS].filter(([k, v]) => fromHeaders.get(k) !== v.toString()).map(([k, v]) => `${k}: ours ${v}, headers ${fromHeaders.get(k)}`);
    expect(mismatches).toEqual([]);
    expect(fromHeaders.size).toBe(SECCOMP_CONSTANTS.size);
  });

  it("include the names rules are written with", () => {
    for (const name of ["AF_UNIX", "PF_UNIX", "AF_INET", "AF_INET6", "AF_NETLINK", "AF_PACKET", "AF_BLUETOOTH", "AF_CAN", "AF_ALG", "PF_NETLINK", "SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_SEQPACKET", "SOCK_CLOEXEC", "SOCK_NONBLOCK", "IPPROTO_TCP", "IPPROTO_UDP", "NETLINK_ROUTE", "NETLINK_KOBJECT_UEVENT", "NETLINK_AUDIT", "CLONE_NEWUSER", "CLONE_NEWNS", "PR_SET_NAME", "PR_CAP_AMBIENT", "PRIO_PROCESS", "TIOCSTI", "TIOCLINUX"]) {
      expect(SECCOMP_CONSTANTS.has(name), name).toBe(true);
    }
  });
});
