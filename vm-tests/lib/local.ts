// `--local`: the scenarios run against the machine the harness runs on, for
// people with a real machine or a Vagrant box with AppArmor (see the
// Vagrantfile). Jobs are plain shell runs as root; the share is bind-mounted
// at /mnt/share so the job scripts are the same as in the VMs.
import { mkdir } from "node:fs/promises";
import { execa } from "execa";
import { JobError, type JobResult, type Machine, type SystemKind } from "./vm.js";

export class LocalMachine implements Machine {
  readonly name = "local";

  private constructor(
    readonly kind: SystemKind,
    readonly share: string,
  ) {}

  static async open(kind: SystemKind, share: string): Promise<LocalMachine> {
    if (process.getuid?.() !== 0) throw new JobError("--local changes the machine's AppArmor policy and udev rules: run it as root, on a machine you can throw away");
    await mkdir("/mnt/share", { recursive: true });
    await execa("mount", ["--bind", share, "/mnt/share"]);
    return new LocalMachine(kind, share);
  }

  async job(label: string, script: string, timeoutMs = 120_000): Promise<JobResult> {
    const started = Date.now();
    const r = await execa("sh", ["-c", script], { reject: false, all: true, cwd: "/", timeout: timeoutMs });
    if (r.timedOut) throw new JobError(`job ${label} did not finish in ${timeoutMs / 1000}s`);
    return { rc: r.exitCode ?? 1, out: (r.all ?? "") + "\n", seconds: (Date.now() - started) / 1000 };
  }

  async must(label: string, script: string, timeoutMs?: number): Promise<string> {
    const r = await this.job(label, script, timeoutMs);
    if (r.rc !== 0) throw new JobError(`job ${label} exited ${r.rc}:\n${r.out}`);
    return r.out;
  }

  async close(): Promise<void> {
    await execa("umount", ["/mnt/share"], { reject: false });
  }
}
