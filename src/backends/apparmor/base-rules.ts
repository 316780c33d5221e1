// Values the base AppArmor template (templates/apparmor/profile.hbs) lays
// out: which host tools every app may run, and the library trees it may read.
// Kept as data so each can be checked on its own (names are validated, the
// tree globs are tested against the paths they must and must not cover).

/**
 * The host's command-line tools an app may run inside its own profile (ix),
 * by name under /bin and /usr/bin: what ordinary shell scripts use (the
 * coreutils, text tools, archivers, process tools), the same set snapd's
 * default template names. Anything else on the host is not the snap's to
 * run; a snap ships what else it needs.
 */
export const HOST_TOOLS: readonly string[] = [
  // coreutils
  "arch", "base32", "base64", "basename", "cat", "chgrp", "chmod", "chown", "cp", "cut", "date", "dd", "dir", "dirname",
  "du", "echo", "env", "expr", "false", "fmt", "fold", "groups", "head", "id", "install", "link", "ln", "ls", "md5sum",
  "mkdir", "mkfifo", "mknod", "mktemp", "mv", "nice", "nohup", "numfmt", "od", "paste", "printenv", "printf", "pwd",
  "readlink", "realpath", "rm", "rmdir", "seq", "sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum", "shuf",
  "sleep", "sort", "stat", "stdbuf", "stty", "sync", "tac", "tail", "tee", "test", "touch", "tr", "true", "tty", "uname",
  "uniq", "unlink", "vdir", "wc", "yes", "chroot",
  // text and files
  "awk", "gawk", "mawk", "igawk", "sed", "grep", "egrep", "fgrep", "rgrep", "cmp", "diff", "diff3", "find", "xargs",
  "less", "lessfile", "lesspipe", "more", "line", "rev", "getopt", "tempfile", "which", "which.debianutils", "vim.tiny",
  // archives and compression
  "tar", "cpio", "gzip", "zcat", "zgrep", "zegrep", "zfgrep", "bzip2", "bunzip2", "bzcat", "bzdiff", "bzgrep", "xz",
  "unxz", "zip", "unzip", "zipgrep",
  // processes, system information, logging
  "ps", "pgrep", "pidof", "kill", "free", "uptime", "hostname", "getconf", "getent", "locale", "ldd", "flock", "logger",
  "run-parts", "setpriv", "lsb_release", "systemd-cat", "systemd-creds", "busctl", "dbus-send", "dbus-daemon",
  "dbus-run-session", "openssl", "infocmp", "clear", "tput", "tset",
];

/**
 * Globs for everything below `dir` except the entries named in `excluded`
 * (and what is below them): AppArmor has no "except", so each prefix of an
 * excluded name gets a rule for the names that branch off it. For
 * ["firmware", "modules"] under /usr/lib/ that is /usr/lib/[^fm]**, then
 * /usr/lib/f[^i]** and /usr/lib/m[^o]**, and so on, plus the entries named
 * exactly like a prefix ("mod") and the longer names ("modules-load.d").
 */
export function treeExcept(dir: string, excluded: readonly string[]): string[] {
  if (!dir.endsWith("/")) throw new Error(`treeExcept needs a directory ending in "/", not ${dir}`);
  const next = new Map<string, Set<string>>();
  for (const name of excluded) {
    if (!/^[a-z0-9._-]+$/.test(name)) throw new Error(`treeExcept: ${JSON.stringify(name)} is not a plain file name`);
    for (let i = 0; i < name.length; i++) {
      const p = name.slice(0, i);
      next.set(p, (next.get(p) ?? new Set()).add(name[i]!));
    }
  }
  const out = [dir];
  for (const [prefix, chars] of [...next].sort(([a], [b]) => a.length - b.length || (a < b ? -1 : 1))) {
    out.push(`${dir}${prefix}[^${[...chars].sort().join("")}/]**`);
    if (prefix && !excluded.includes(prefix)) out.push(`${dir}${prefix}`, `${dir}${prefix}/**`);
  }
  for (const name of [...excluded].sort()) out.push(`${dir}${name}[^/]**`);
  return out;
}

/** The library trees every app reads: all of them but the kernel's modules and firmware. */
export const LIBRARY_TREE_RULES: readonly string[] = [
  ...treeExcept("/{,usr/}lib/", ["firmware", "modules"]),
  "/{,usr/}lib{32,64,x32}/",
  "/{,usr/}lib{32,64,x32}/**",
];
