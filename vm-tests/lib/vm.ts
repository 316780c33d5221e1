// One test VM: QEMU on the guest image, its serial console in a pseudo-terminal
// (node-pty) so interactive checks can type into it, and a 9p shared folder
// that carries jobs in and results out. Every wait has a deadline: a job that
// hangs fails alone, a VM that outlives its budget is killed, and the serial
// log of a failing VM is kept for reading.
import { existsSync, promises as fs, readFileSync } from "node:fs";
import path from "node:path";
import { spawn, type IPty } from "node-pty";
import type { Image } from "./image.js";

export type SystemKind = "core" | "classic";

export interface VmOptions {
  readonly name: string;
  readonly kind: SystemKind;
  readonly image: Image;
  /** Host directory shared with the guest at /mnt/share. */
  readonly share: string;
  /** Classic only: the copy-on-write disk that survives a reboot. */
  readonly disk?: string;
  /** Where serial.log is written. */
  readonly outDir: string;
  readonly accel: "kvm" | "tcg";
  readonly bootTimeoutMs: number;
  /** The VM is killed when it has run this long, whatever it is doing. */
  readonly deadlineMs: number;
  readonly memMiB?: number;
}

export interface JobResult {
  readonly rc: number;
  readonly out: string;
  readonly seconds: number;
}

/** Where scenario jobs run: a test VM, or (with --local) the machine the harness runs on. */
export interface Machine {
  readonly name: string;
  readonly kind: SystemKind;
  /** Host directory the machine sees at /mnt/share. */
  readonly share: string;
  job(label: string, script: string, timeoutMs?: number): Promise<JobResult>;
  must(label: string, script: string, timeoutMs?: number): Promise<string>;
}

export class JobError extends Error {
  override name = "JobError";
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function qemuArgs(o: VmOptions): string[] {
  const common = ["console=ttyS0", "apparmor=1", "security=apparmor", "quiet", "loglevel=3", "modprobe.blacklist=floppy"];
  const append =
    o.kind === "core"
      ? ["root=/dev/vda", "ro", "rootfstype=squashfs", "init=/usr/local/sbin/pbvm-init", "pbvm.core=1", ...common]
      : ["root=/dev/vda", "rw", "systemd.show_status=0", ...common];
  const drive =
    o.kind === "core"
      ? `file=${o.image.squashfs},if=virtio,format=raw,readonly=on`
      : `file=${o.disk ?? o.image.ext4},if=virtio,format=qcow2${o.disk ? "" : ",snapshot=on"}`;
  return [
    ...(o.accel === "kvm" ? ["-accel", "kvm", "-cpu", "host"] : ["-accel", "tcg,thread=multi", "-cpu", "max"]),
    "-smp", "1",
    "-m", String(o.memMiB ?? 1536),
    "-nographic",
    "-no-reboot",
    "-kernel", o.image.kernel,
    "-initrd", o.image.initrd,
    "-append", append.join(" "),
    "-drive", drive,
    "-virtfs", `local,path=${o.share},mount_tag=share,security_model=none,id=share`,
    "-nic", "none",
  ];
}

export class Vm implements Machine {
  private console = "";
  private exited: Promise<number>;
  private exitCode: number | undefined;
  private readonly serialLog: string;
  private log: fs.FileHandle | undefined;
  private readonly deadline: NodeJS.Timeout;
  private static jobSeq = 0;
  bootSeconds = 0;

  private constructor(
    readonly opts: VmOptions,
    private readonly pty: IPty,
  ) {
    this.serialLog = path.join(opts.outDir, `${opts.name}.serial.log`);
    this.exited = new Promise((resolve) => {
      pty.onExit(({ exitCode }) => {
        this.exitCode = exitCode;
        resolve(exitCode);
      });
    });
    pty.onData((d) => {
      this.console += d;
      void this.log?.write(d);
    });
    this.deadline = setTimeout(() => {
      this.console += `\n[harness] VM ${opts.name} passed its ${opts.deadlineMs / 1000}s deadline: killed\n`;
      this.kill();
    }, opts.deadlineMs);
  }

  get name(): string {
    return this.opts.name;
  }

  get kind(): SystemKind {
    return this.opts.kind;
  }

  get share(): string {
    return this.opts.share;
  }

  get serialLogPath(): string {
    return this.serialLog;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** Boots the VM and waits until its job runner says it is ready. */
  static async boot(opts: VmOptions): Promise<Vm> {
    // Results of earlier boots stay for reading; job names never repeat (see jobSeq).
    await fs.rm(path.join(opts.share, "jobs"), { recursive: true, force: true });
    await fs.mkdir(path.join(opts.share, "jobs"), { recursive: true });
    await fs.rm(path.join(opts.share, "results/ready"), { force: true });
    await fs.mkdir(opts.outDir, { recursive: true });
    const started = Date.now();
    const pty = spawn("qemu-system-x86_64", qemuArgs(opts), { name: "dumb", cols: 250, rows: 50, cwd: opts.share, env: { ...process.env, TERM: "dumb" } as Record<string, string> });
    const vm = new Vm(opts, pty);
    vm.log = await fs.open(vm.serialLog, "a");
    await vm.log.write(`\n===== boot ${new Date().toISOString()} (${opts.kind}, ${opts.accel}) =====\n`);
    const ready = path.join(opts.share, "results/ready");
    while (!existsSync(ready)) {
      if (!vm.running) throw new JobError(`VM ${opts.name} exited (code ${vm.exitCode}) before it was ready; see ${vm.serialLog}`);
      if (Date.now() - started > opts.bootTimeoutMs) {
        vm.kill();
        throw new JobError(`VM ${opts.name} was not ready after ${opts.bootTimeoutMs / 1000}s; see ${vm.serialLog}`);
      }
      await sleep(100);
    }
    vm.bootSeconds = (Date.now() - started) / 1000;
    return vm;
  }

  /** Runs a shell script in the guest (as root) and returns its exit status and output. */
  async job(label: string, script: string, timeoutMs = 120_000): Promise<JobResult> {
    const name = `${String(++Vm.jobSeq).padStart(4, "0")}-${label.replace(/[^A-Za-z0-9_-]/g, "_")}`;
    const jobs = path.join(this.opts.share, "jobs");
    const results = path.join(this.opts.share, "results");
    const tmp = path.join(jobs, `.${name}.tmp`);
    await fs.writeFile(tmp, script);
    await fs.rename(tmp, path.join(jobs, `${name}.sh`));
    const started = Date.now();
    const rcFile = path.join(results, `${name}.rc`);
    for (;;) {
      if (existsSync(rcFile)) {
        const rc = Number(readFileSync(rcFile, "utf8").trim());
        const out = await fs.readFile(path.join(results, `${name}.out`), "utf8");
        return { rc, out, seconds: (Date.now() - started) / 1000 };
      }
      if (!this.running) throw new JobError(`VM ${this.opts.name} stopped during job ${label}; see ${this.serialLog}`);
      if (Date.now() - started > timeoutMs) throw new JobError(`job ${label} on ${this.opts.name} did not finish in ${timeoutMs / 1000}s`);
      await sleep(40);
    }
  }

  /** Like job, but a non-zero exit is an error carrying the output. */
  async must(label: string, script: string, timeoutMs?: number): Promise<string> {
    const r = await this.job(label, script, timeoutMs);
    if (r.rc !== 0) throw new JobError(`job ${label} on ${this.opts.name} exited ${r.rc}:\n${r.out}`);
    return r.out;
  }

  /** Console output from `mark` on; `mark` comes from consoleMark(). */
  consoleSince(mark: number): string {
    return this.console.slice(mark);
  }

  consoleMark(): number {
    return this.console.length;
  }

  type(text: string): void {
    this.pty.write(text);
  }

  /** Waits until the console shows `pattern` after `mark`; returns what came after the mark. */
  async waitConsole(pattern: RegExp, mark: number, timeoutMs: number): Promise<string> {
    const started = Date.now();
    for (;;) {
      const seen = this.console.slice(mark);
      if (pattern.test(seen)) return seen;
      if (!this.running) throw new JobError(`VM ${this.opts.name} stopped while waiting for ${pattern} on its console`);
      if (Date.now() - started > timeoutMs) throw new JobError(`VM ${this.opts.name}: ${pattern} did not appear on the console in ${timeoutMs / 1000}s; it showed:\n${seen.slice(-2000)}`);
      await sleep(50);
    }
  }

  /** Asks the runner to stop (the guest powers off) and waits for QEMU to exit. */
  async shutdown(timeoutMs = 90_000): Promise<void> {
    if (this.running) {
      await fs.writeFile(path.join(this.opts.share, "jobs/STOP"), "");
      const timer = sleep(timeoutMs).then(() => "timeout" as const);
      if ((await Promise.race([this.exited, timer])) === "timeout") this.kill();
      await this.exited;
    }
    await this.close();
  }

  kill(): void {
    if (this.running) this.pty.kill("SIGKILL");
  }

  private async close(): Promise<void> {
    clearTimeout(this.deadline);
    await fs.rm(path.join(this.opts.share, "jobs/STOP"), { force: true });
    await this.log?.close();
    this.log = undefined;
  }

  async destroy(): Promise<void> {
    this.kill();
    await this.exited;
    await this.close();
  }
}

/** KVM only where the CPU advertises virtualisation; a hanging KVM boot is cut short by the caller. */
export function kvmWorthTrying(): boolean {
  if (process.env["PLUGBOARD_VM_ACCEL"]) return process.env["PLUGBOARD_VM_ACCEL"] === "kvm";
  if (!existsSync("/dev/kvm")) return false;
  try {
    return /\b(vmx|svm)\b/.test(readFileSync("/proc/cpuinfo", "utf8"));
  } catch {
    return false;
  }
}
