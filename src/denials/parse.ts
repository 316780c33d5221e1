// Reads AppArmor and seccomp denial records out of kernel log text. Pure.

export type Denial =
  | { readonly kind: "file"; readonly label: string; readonly operation: string; readonly path: string; readonly mask: string; readonly line: string }
  | { readonly kind: "capability"; readonly label: string; readonly capability: string; readonly line: string }
  | { readonly kind: "dbus"; readonly label: string; readonly bus: string; readonly path: string; readonly iface: string; readonly member: string; readonly peer: string; readonly line: string }
  | { readonly kind: "network"; readonly label: string; readonly family: string; readonly sockType: string; readonly line: string }
  | { readonly kind: "syscall"; readonly label: string; readonly syscall: string; readonly line: string };

/** key="value" and key=value pairs of an audit record. */
function fields(line: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of line.matchAll(/([a-z_]+)=(?:"([^"]*)"|'([^']*)'|(\S+))/g)) {
    if (!out.has(m[1]!)) out.set(m[1]!, m[2] ?? m[3] ?? m[4] ?? "");
  }
  return out;
}

// x86_64 numbers of the system calls interfaces grant; others are reported by number.
const X86_64_SYSCALLS: Record<number, string> = {
  41: "socket", 53: "socketpair", 101: "ptrace", 103: "syslog", 159: "adjtimex", 164: "settimeofday", 165: "mount", 166: "umount2",
  169: "reboot", 175: "init_module", 176: "delete_module", 227: "clock_settime", 272: "unshare", 304: "open_by_handle_at", 305: "clock_adjtime",
  308: "setns", 313: "finit_module", 321: "bpf", 298: "perf_event_open", 250: "keyctl", 248: "add_key", 249: "request_key", 155: "pivot_root",
  167: "swapon", 168: "swapoff", 246: "kexec_load", 16: "ioctl", 170: "sethostname", 171: "setdomainname", 139: "sysfs", 323: "userfaultfd",
};

const FILE_OPS = new Set(["open", "file_perm", "file_mmap", "exec", "mknod", "mkdir", "unlink", "rename_src", "rename_dest", "link", "truncate", "chmod", "chown", "getattr", "file_lock", "connect", "file_receive"]);

export function parseDenials(text: string): Denial[] {
  const out: Denial[] = [];
  for (const line of text.split("\n")) {
    if (line.includes('apparmor="DENIED"') || line.includes("apparmor=\"AUDIT\"") || line.includes('apparmor="ALLOWED"')) {
      const f = fields(line.slice(line.indexOf("apparmor=")));
      const label = f.get("profile") ?? f.get("label") ?? "";
      if (!label.startsWith("snap.")) continue;
      const op = f.get("operation") ?? "";
      if (op === "capable") out.push({ kind: "capability", label, capability: f.get("capname") ?? `#${f.get("capability") ?? "?"}`, line });
      else if (op.startsWith("dbus_")) {
        out.push({ kind: "dbus", label, bus: f.get("bus") ?? "", path: f.get("path") ?? "", iface: f.get("interface") ?? "", member: f.get("member") ?? "", peer: f.get("name") ?? f.get("peer_label") ?? "", line });
      } else if (op === "create" && f.has("family")) out.push({ kind: "network", label, family: f.get("family") ?? "", sockType: f.get("sock_type") ?? "", line });
      else if (f.has("name") && (FILE_OPS.has(op) || f.has("requested_mask"))) {
        out.push({ kind: "file", label, operation: op, path: f.get("name")!, mask: f.get("denied_mask") ?? f.get("requested_mask") ?? "", line });
      }
      continue;
    }
    if (/type=1326|audit:.*syscall=/.test(line) && line.includes("subj=") || /type=1326/.test(line)) {
      const f = fields(line);
      const label = f.get("subj") ?? "";
      if (!label.startsWith("snap.")) continue;
      const nr = Number(f.get("syscall"));
      const x86 = f.get("arch") === "c000003e";
      out.push({ kind: "syscall", label, syscall: x86 && X86_64_SYSCALLS[nr] ? X86_64_SYSCALLS[nr]! : `syscall ${f.get("syscall")} (arch ${f.get("arch") ?? "?"})`, line });
    }
  }
  return out;
}

/** snap.NAME.APP or snap.NAME.hook.HOOK → its parts. */
export function splitTag(label: string): { snap: string; app: string } | undefined {
  const m = /^snap\.([a-z0-9-]+)\.(hook\.[a-z0-9-]+|[a-zA-Z0-9-]+)$/.exec(label.replace(/ \(.*\)$/, ""));
  return m ? { snap: m[1]!, app: m[2]! } : undefined;
}
