import { AttributeProblem, cleanPathProblem, defineInterface, onlyKnownAttrs, verbatimTextProblem, type ConnectedContext } from "../src/iface/index.js";
import type { AttrMap, AttrValue } from "../src/snap/index.js";

// mount-control lets a snap mount and unmount what its plug lists, and
// nothing else: each entry of the `mount` attribute becomes one AppArmor
// mount rule and one umount rule. The interface is super-privileged (a store
// review decides which snaps may have it), so the checks below are about the
// rules being what the entry says, never about whether the mount is wise.
//
// The values are written into the rules as bare words, so `what` and `where`
// may use AppArmor's glob syntax (*, **, ?, [class], {alt,ernatives}) the way
// snapd lets them, but only in a well-formed shape and over a small alphabet;
// anything else AppArmor would read as syntax is refused.

const show = (v: unknown) => JSON.stringify(v);

// Kernel mount flags a snap may ask for; only these reach the AppArmor rule.
const KERNEL_OPTIONS = [
  "async", "atime", "bind", "diratime", "dirsync", "iversion", "lazytime", "noatime", "nodev", "nodiratime", "noexec",
  "noiversion", "nolazytime", "nomand", "norelatime", "nostrictatime", "nosuid", "nouser", "relatime", "ro", "rw",
  "strictatime", "sync",
] as const;

// Flags apparmor_parser 3.0 has no name for in a mount rule ("unsupported
// mount options"): a profile naming them does not load, so an entry asking
// for one could never be used and is refused up front.
const OPTIONS_PARSER_LACKS = ["lazytime", "nolazytime", "nostrictatime"];

// Which kernel flag bit each option sets or clears; two options conflict when
// one sets a bit the other clears (ro and rw, sync and async, ...).
const FLAG = { rdonly: 1, nosuid: 2, nodev: 4, noexec: 8, sync: 16, mand: 32, dirsync: 64, noatime: 128, nodiratime: 256, bind: 512, relatime: 1024, iversion: 2048, strictatime: 4096, lazytime: 8192, nouser: 16384 };
const FLAG_EFFECT: Readonly<Record<(typeof KERNEL_OPTIONS)[number], { set?: number; clear?: number }>> = {
  ro: { set: FLAG.rdonly }, rw: { clear: FLAG.rdonly },
  nosuid: { set: FLAG.nosuid }, nodev: { set: FLAG.nodev }, noexec: { set: FLAG.noexec },
  sync: { set: FLAG.sync }, async: { clear: FLAG.sync },
  nomand: { clear: FLAG.mand }, dirsync: { set: FLAG.dirsync },
  atime: { clear: FLAG.noatime }, noatime: { set: FLAG.noatime },
  diratime: { clear: FLAG.nodiratime }, nodiratime: { set: FLAG.nodiratime },
  bind: { set: FLAG.bind },
  relatime: { set: FLAG.relatime }, norelatime: { clear: FLAG.relatime },
  iversion: { set: FLAG.iversion }, noiversion: { clear: FLAG.iversion },
  strictatime: { set: FLAG.strictatime }, nostrictatime: { clear: FLAG.strictatime },
  lazytime: { set: FLAG.lazytime }, nolazytime: { clear: FLAG.lazytime },
  nouser: { set: FLAG.nouser },
};

// Options only mount(8) reads; accepted, never passed to the kernel or the rule.
const USERSPACE_OPTIONS = ["auto", "defaults", "noauto", "nofail", "nogroup", "noowner", "nousers"];

// File-system specific options each type accepts (a trailing "=" takes a
// value, a trailing ":" too for aufs's branch options). The same table as
// snapd's; types not listed here accept none.
const FS_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  adfs: ["uid=", "gid=", "ownmask=", "othmask="],
  affs: ["uid=", "gid=", "setuid=", "setgid=", "mode=", "protect", "usemp", "verbose", "prefix=", "volume=", "reserved=", "root=", "bs=", "grpquota", "noquota", "quota", "usrquota"],
  aufs: ["br:", "dirs=", "add:", "ins:", "del:", "mod:", "append:", "prepend:", "xino=", "noxino", "trunc_xib", "notrunk_xib", "create_policy=", "create=", "copyup_policy=", "copyup=", "cpup=", "verbose", "v", "noverbose", "quiet", "q", "silent", "sum", "nosum", "dirwh=", "plink", "noplink", "clean_plink", "udba=", "diropq=", "warn_perm", "nowarm_perm", "coo=", "dlgt", "nodlgt", "shwh", "noshwh"],
  autofs: [],
  btrfs: ["acl", "noacl", "autodefrag", "noautodefrag", "barrier", "nobarrier", "check_int", "check_int_data", "check_int_print_mask=", "clear_cache", "commit=", "compress", "compress=", "compress-force", "compress-force=", "datacow", "nodatacow", "datasum", "nodatasum", "degraded", "device=", "discard", "discard=", "nodiscard", "enospc_debug", "noenospc_debug", "fatal_errors=", "flushoncommit", "noflushoncommit", "fragment=", "nologreplay", "max_inline=", "metadata_ratio=", "norecovery", "rescan_uuid_tree", "rescue", "skip_balance", "space_cache", "space_cache=", "nospace_cache", "ssd", "ssd_spread", "nossd", "nossd_spread", "subvol=", "subvolid=", "thread_pool=", "treelog", "notreelog", "usebackuproot", "user_subvol_rm_allowed", "recovery", "inode_cache", "noinode_cache"],
  cifs: ["username=", "user=", "password=", "pass=", "credentials=", "cred=", "uid=", "forceuid", "cruid=", "gid=", "forcegid", "idsfromsid", "port=", "netbiosname=", "servern=", "file_mode=", "dir_mode=", "ip=", "addr=", "domain=", "dom=", "workgroup=", "domainauto", "guest", "iocharset", "setuids", "nosetuids", "perm", "noperm", "denperm", "cache=", "handlecache", "nohandlecache", "handletimeout", "rwpidforward", "mapchars", "nomapchars", "mapposix", "intr", "nointr", "hard", "soft", "noacl", "cifsacl", "backupuid=", "backupgid=", "nocase", "ignorecase", "sec=", "seal", "rdma", "resilienthandles", "noresilienthandles", "persistenthandles", "nopersistenthandles", "snapshot=", "nobrl", "forcemandatorylock", "locallease", "nolease", "sfu", "mfsymlinks", "echo_interval=", "serverino", "noserverino", "posix", "unix", "linux", "noposix", "nounix", "nolinux", "nouser_xattr", "nodfs", "noautotune", "nosharesock", "noblocksend", "rsize=", "wsize=", "bsize=", "max_credits=", "fsc", "multiuser", "actimeo=", "noposixpaths", "posixpaths", "vers="],
  debugfs: ["uid=", "gid=", "mode="],
  devpts: ["uid=", "gid=", "mode=", "newinstance", "ptmxmode="],
  ext2: ["acl", "noacl", "bsddf", "minixdf", "check=", "nocheck", "debug", "errors=", "grpid", "bsdgroups", "nogrpid", "sysvgroups", "grpquota", "noquota", "quota", "usrquota", "nouid32", "oldalloc", "orlov", "resgid=", "resuid=", "sb=", "user_xattr", "nouser_xattr"],
  ext3: ["acl", "noacl", "bsddf", "minixdf", "check=", "nocheck", "debug", "errors=", "grpid", "bsdgroups", "nogrpid", "sysvgroups", "grpquota", "noquota", "quota", "usrquota", "nouid32", "oldalloc", "orlov", "resgid=", "resuid=", "sb=", "user_xattr", "nouser_xattr", "journal_dev=", "journal_path=", "norecovery", "noload", "data=", "data_err=", "barrier=", "commit=", "jqfmt=", "usrjquota=", "grpjquota="],
  ext4: ["journal_dev=", "journal_path=", "norecovery", "noload", "data=", "commit=", "orlov", "oldalloc", "user_xattr", "nouser_xattr", "acl", "noacl", "bsddf", "minixdf", "debug", "errors=", "data_err=", "grpid", "bsdgroups", "nogrpid", "sysvgroups", "resgid=", "resuid=", "sb=", "quota", "noquota", "nouid32", "grpquota", "usrquota", "usrjquota=", "grpjquota=", "jqfmt=", "journal_checksum", "nojournal_checksum", "journal_async_commit", "barrier=", "inode_readahead_blks=", "stripe=", "delalloc", "nodelalloc", "max_batch_time=", "min_batch_time=", "journal_ioprio=", "abort", "auto_da_alloc", "noauto_da_alloc", "noinit_itable", "init_itable=", "discard", "nodiscard", "block_validity", "noblock_validity", "dioread_lock", "dioread_nolock", "max_dir_size_kb=", "i_version", "nombcache", "prjquota"],
  fat: ["blocksize=", "uid=", "gid=", "umask=", "dmask=", "fmask=", "allow_utime=", "check=", "codepage=", "conv=", "cvf_format=", "cvf_option", "debug", "discard", "dos1xfloppy", "errors=", "fat=", "iocharset=", "nfs=", "tz=", "time_offset=", "quiet", "rodir", "showexec", "sys_immutable", "flush", "usefree", "dots", "nodots", "dotsOK="],
  functionfs: ["no_disconnect=", "rmode=", "fmode=", "mode=", "uid=", "gid="],
  fuse: ["default_permissions", "allow_other", "rootmode=", "blkdev", "blksize=", "max_read=", "fd=", "user_id=", "fsname=", "subtype=", "allow_root", "auto_unmount", "kernel_cache", "auto_cache", "umask=", "uid=", "gid=", "entry_timeout=", "negative_timeout=", "attr_timeout=", "ac_attr_timeout=", "noforget", "remember=", "modules=", "setuid=", "drop_privileges"],
  hfs: ["creator=", "type=", "uid=", "gid=", "dir_umask=", "file_umask=", "umask=", "session=", "part=", "quiet"],
  hpfs: ["uid=", "gid=", "umask=", "case=", "conv=", "nocheck"],
  iso9660: ["norock", "nojoliet", "check=", "uid=", "gid=", "map=", "mode=", "unhide", "block=", "conv=", "cruft", "session=", "sbsector=", "iocharset=", "utf8"],
  jfs: ["iocharset=", "resize=", "nointegrity", "integrity", "errors=", "noquota", "quota", "usrquota", "grpquota"],
  msdos: ["blocksize=", "uid=", "gid=", "umask=", "dmask=", "fmask=", "allow_utime=", "check=", "codepage=", "conv=", "cvf_format=", "cvf_option", "debug", "discard", "dos1xfloppy", "errors=", "fat=", "iocharset=", "nfs=", "tz=", "time_offset=", "quiet", "rodir", "showexec", "sys_immutable", "flush", "usefree", "dots", "nodots", "dotsOK="],
  nfs: ["nfsvers=", "vers=", "soft", "hard", "softreval", "nosoftreval", "intr", "nointr", "timeo=", "retrans=", "rsize=", "wsize=", "ac", "noac", "acregmin=", "acregmax=", "acdirmin=", "acdirmax=", "actimeo=", "bg", "fg", "nconnect=", "max_connect=", "rdirplus", "nordirplus", "retry=", "sec=", "sharecache", "nosharecache", "revsport", "norevsport", "lookupcache=", "fsc", "nofsc", "sloppy", "proto=", "udp", "tcp", "rdma", "port=", "mountport=", "mountproto=", "mounthost=", "mountvers=", "namlen=", "lock", "nolock", "cto", "nocto", "acl", "noacl", "local_lock=", "minorversion=", "clientaddr=", "migration", "nomigration"],
  ntfs: ["iocharset=", "nls=", "utf8", "uni_xlate=", "posix=", "uid=", "gid=", "umask="],
  "ntfs-3g": ["acl", "allow_other", "big_writes", "compression", "debug", "delay_mtime", "delay_mtime=", "dmask=", "efs_raw", "fmask=", "force", "hide_dot_files", "hide_hid_files", "inherit", "locale=", "max_read=", "no_def_opts", "no_detach", "nocompression", "norecover", "permissions", "posix_nlink", "recover", "remove_hiberfile", "show_sys_files", "silent", "special_files=", "streams_interface=", "uid=", "gid=", "umask=", "usermapping=", "user_xattr", "windows_names"],
  "lowntfs-3g": ["acl", "allow_other", "big_writes", "compression", "debug", "delay_mtime", "delay_mtime=", "dmask=", "efs_raw", "fmask=", "force", "hide_dot_files", "hide_hid_files", "ignore_case", "inherit", "locale=", "max_read=", "no_def_opts", "no_detach", "nocompression", "norecover", "permissions", "posix_nlink", "recover", "remove_hiberfile", "show_sys_files", "silent", "special_files=", "streams_interface=", "uid=", "gid=", "umask=", "usermapping=", "user_xattr", "windows_names"],
  overlay: ["lowerdir=", "upperdir=", "workdir=", "userxattr", "redirect_dir=", "index=", "uuid=", "nfs_export=", "xino=", "metacopy=", "volatile"],
  ramfs: [],
  reiserfs: ["conv", "hash=", "hashed_relocation", "no_unhashed_relocation", "noborder", "nolog", "notail", "replayonly", "resize=", "user_xattr", "acl", "barrier="],
  squashfs: [],
  tmpfs: ["size=", "nr_blocks=", "nr_inodes=", "mode=", "gid=", "uid=", "huge=", "mpol="],
  ubifs: ["bulk_read", "no_bulk_read", "chk_data_crc", "no_chk_data_crc", "compr="],
  udf: ["uid=", "gid=", "umask=", "mode=", "dmode=", "bs=", "unhide", "undelete", "adinicb", "noadinicb", "shortad", "longad", "nostrict", "iocharset=", "utf8", "novrs", "session=", "anchor=", "lastblock="],
  ufs: ["ufstype=", "onerror="],
  umsdos: ["blocksize=", "uid=", "gid=", "umask=", "dmask=", "fmask=", "allow_utime=", "check=", "codepage=", "conv=", "cvf_format=", "cvf_option", "debug", "discard", "dos1xfloppy", "errors=", "fat=", "iocharset=", "nfs=", "tz=", "time_offset=", "quiet", "rodir", "showexec", "sys_immutable", "flush", "usefree", "dots", "nodots"],
  vfat: ["blocksize=", "uid=", "gid=", "umask=", "dmask=", "fmask=", "allow_utime=", "check=", "codepage=", "conv=", "cvf_format=", "cvf_option", "debug", "discard", "dos1xfloppy", "errors=", "fat=", "iocharset=", "nfs=", "tz=", "time_offset=", "quiet", "rodir", "showexec", "sys_immutable", "flush", "usefree", "dots", "uni_xlate", "posix", "nonumtail", "utf8", "shortname="],
  usbfs: ["devuid=", "devgid=", "devmode=", "busiud=", "busgid=", "busmode=", "listuid=", "listgid=", "listmode="],
  xfs: ["allocsize=", "attr2", "noattr2", "dax=", "discard", "nodiscard", "grpid", "bsdgroups", "nogrpid", "sysvgroups", "filestreams", "ikeep", "noikeep", "inode32", "inode64", "largeio", "nolargeio", "logbufs=", "logbsize=", "logdev=", "rtdev=", "noalign", "norecovery", "nouuid", "noquota", "unquota", "usrquota", "quota", "uqnoenforce", "qnoenforce", "gquota", "grpquota", "gqnoenforce", "pquota", "prjquota", "pqnoenforce", "sunit=", "swidth=", "sqalloc", "wsync"],
  zfs: ["context=", "fscontext=", "defcontext=", "rootcontext=", "xattr", "noxattr"],
};

// aufs names its branch options NAME:VALUE rather than NAME=VALUE.
const COLON_OPTION_TYPES = ["aufs"];

/** The types a rule allows when the entry names none: the common block-device and memory file systems. */
export const DEFAULT_FS_TYPES = [
  "aufs", "autofs", "btrfs", "ext2", "ext3", "ext4", "hfs", "iso9660", "jfs", "msdos", "ntfs", "ramfs", "reiserfs",
  "squashfs", "tmpfs", "ubifs", "udf", "ufs", "vfat", "xfs", "zfs",
];

// Pseudo and special file systems that would hand the snap control of the
// kernel or of other programs' confinement (proc, sysfs, cgroups, bpf, ...).
const FORBIDDEN_FS_TYPES = ["bpf", "cgroup", "cgroup2", "debugfs", "devpts", "ecryptfs", "hugetlbfs", "overlayfs", "proc", "securityfs", "sysfs", "tracefs"];
// Old names with a current one to use instead.
const DEPRECATED_FS_TYPES: Readonly<Record<string, string>> = { nfs4: "nfs" };
// Types whose source (none, or a network share) is fixed by the type itself,
// so an entry naming one cannot name others.
const EXCLUSIVE_FS_TYPES = ["tmpfs", "nfs", "cifs"];
const FS_TYPE = /^[a-z0-9]+$/;

// A functionfs instance name (the USB gadget function's name): not a path.
const FUNCTIONFS_NAME = /^[A-Za-z0-9][A-Za-z0-9._:+-]*$/;

/** One checked entry of the plug's `mount` list. */
export interface MountSpec {
  /** The source as the rule names it: a path pattern, "none", a functionfs name, or undefined for nfs and cifs. */
  readonly what?: string;
  /** As written, possibly starting with $SNAP_COMMON or $SNAP_DATA. */
  readonly where: string;
  readonly persistent: boolean;
  /** As written; empty means the default list. */
  readonly types: readonly string[];
  readonly options: readonly string[];
}

// ---- path patterns ---------------------------------------------------------

// Literal characters a pattern may hold besides "/" and the glob syntax.
const LITERAL = /[A-Za-z0-9._+:-]/;
// Inside [...]: a set of these, optionally negated by a leading "^".
const CLASS_CHAR = /[A-Za-z0-9._+:-]/;
const MAX_GROUP_DEPTH = 50;
const MAX_EXPANSIONS = 1000;

/** Every spelling a pattern's {…} groups stand for, or null past MAX_EXPANSIONS. */
function expandGroups(p: string): string[] | null {
  // Parses one sequence up to an unmatched "," or "}" (or the end) starting at i.
  const seq = (i: number): { out: string[]; end: number } | null => {
    let out = [""];
    while (i < p.length && p[i] !== "," && p[i] !== "}") {
      if (p[i] === "{") {
        const alts: string[] = [];
        let j = i + 1;
        for (;;) {
          const r = seq(j);
          if (!r) return null;
          alts.push(...r.out);
          j = r.end;
          if (j >= p.length) return null;
          if (p[j] === "}") break;
          j++; // past ","
        }
        const next: string[] = [];
        for (const a of out) for (const b of alts) next.push(a + b);
        if (next.length > MAX_EXPANSIONS) return null;
        out = next;
        i = j + 1;
      } else {
        out = out.map((a) => a + p[i]);
        i++;
      }
    }
    return { out, end: i };
  };
  return seq(0)?.out ?? null;
}

/**
 * Why `p` is not an acceptable absolute path pattern for a mount rule, or
 * null. The shape follows what snapd accepts (an absolute, clean path whose
 * globs and groups are well formed; commas only between alternatives) over a
 * smaller alphabet, and no alternative may spell a "." or ".." segment.
 */
export function mountPatternProblem(p: string): string | null {
  if (!p.startsWith("/")) return 'must be an absolute path (starting with "/")';
  const syntax = verbatimTextProblem(p, { globs: "*?[]{},^" });
  if (syntax) return syntax;
  const commas: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    if (ch === "/" || ch === "*" || ch === "?" || LITERAL.test(ch)) continue;
    if (ch === "[") {
      let j = i + 1;
      if (p[j] === "^") j++;
      const start = j;
      while (j < p.length && CLASS_CHAR.test(p[j]!)) j++;
      if (p[j] !== "]") return j >= p.length ? 'has a "[" without its "]"' : `has ${show(p[j])} inside [...], where only letters, digits and . _ + : - are accepted`;
      if (j === start) return "has an empty [...] class";
      i = j;
      continue;
    }
    if (ch === "]") return 'has a "]" without its "["';
    if (ch === "{") {
      if (commas.length >= MAX_GROUP_DEPTH) return `nests {...} groups deeper than ${MAX_GROUP_DEPTH}`;
      commas.push(0);
      continue;
    }
    if (ch === "}") {
      if (commas.length === 0) return 'has a "}" without its "{"';
      if (commas.pop() === 0) return "has a {...} group without alternatives (write the text without braces)";
      continue;
    }
    if (ch === ",") {
      if (commas.length === 0) return "has a comma outside a {...} group, where AppArmor would read it as the end of the rule";
      commas[commas.length - 1]!++;
      continue;
    }
    return `contains a character that is not allowed here: ${show(ch)}`;
  }
  if (commas.length > 0) return 'has a "{" without its "}"';
  const unclean = cleanPathProblem(p);
  if (unclean) return unclean;
  const spellings = expandGroups(p);
  if (!spellings) return `has more than ${MAX_EXPANSIONS} alternatives`;
  for (const s of spellings) {
    if (s.split("/").some((seg) => seg === "." || seg === "..")) return `has an alternative ${show(s)} with a "." or ".." segment`;
  }
  return null;
}

// ---- entries ----------------------------------------------------------------

const ENTRY_KEYS = ["what", "where", "type", "options", "persistent"];

function stringList(entry: AttrMap, key: string, where: string): string[] {
  const v = entry[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new AttributeProblem(`${where} ${key} must be a list of strings, not ${show(v)}`);
  return v.map((x: AttrValue, i: number) => {
    if (typeof x !== "string") throw new AttributeProblem(`${where} ${key}[${i}] must be a string, not ${show(x)}`);
    return x;
  });
}

function checkTypes(types: readonly string[], at: string): void {
  for (const t of types) {
    if (!FS_TYPE.test(t)) throw new AttributeProblem(`${at} type ${show(t)} is not a file system type (lowercase letters and digits)`);
    if (FORBIDDEN_FS_TYPES.includes(t)) throw new AttributeProblem(`${at} type ${show(t)} is not allowed: mount-control never mounts ${FORBIDDEN_FS_TYPES.join(", ")}`);
    if (Object.hasOwn(DEPRECATED_FS_TYPES, t)) throw new AttributeProblem(`${at} type ${show(t)} is deprecated; use ${show(DEPRECATED_FS_TYPES[t])}`);
  }
  const exclusive = types.find((t) => EXCLUSIVE_FS_TYPES.includes(t));
  if (exclusive && types.length > 1) throw new AttributeProblem(`${at} type ${show(exclusive)} must be the only type of its entry`);
}

const only = (types: readonly string[], t: string) => types.length === 1 && types[0] === t;

function checkWhat(what: AttrValue | undefined, types: readonly string[], at: string): string | undefined {
  for (const share of ["nfs", "cifs"]) {
    if (!only(types, share)) continue;
    // The source of a network share is matched by a fixed pattern; the entry names none.
    if (what !== undefined && what !== "") throw new AttributeProblem(`${at} what must not be set for ${share} mounts (the share is any ${share === "nfs" ? "HOST:PATH" : "//SERVER/SHARE"}), not ${show(what)}`);
    return undefined;
  }
  if (typeof what !== "string") throw new AttributeProblem(`${at} what must be a string, not ${what === undefined ? "missing" : show(what)}`);
  if (only(types, "functionfs")) {
    if (!FUNCTIONFS_NAME.test(what)) throw new AttributeProblem(`${at} what ${show(what)} is not a functionfs instance name (letters, digits and . _ + : -)`);
    return what;
  }
  if (what === "none") {
    if (!only(types, "tmpfs")) throw new AttributeProblem(`${at} what may be "none" only with type [tmpfs]`);
    return what;
  }
  const problem = mountPatternProblem(what);
  if (problem) throw new AttributeProblem(`${at} what ${show(what)} ${problem}`);
  if (only(types, "tmpfs")) throw new AttributeProblem(`${at} what must be "none" with type [tmpfs], not ${show(what)}`);
  return what;
}

const WHERE = /^(\$SNAP_COMMON|\$SNAP_DATA)?(\/.*)$/s;

function checkWhere(where: AttrValue | undefined, at: string): string {
  if (typeof where !== "string") throw new AttributeProblem(`${at} where must be a string, not ${where === undefined ? "missing" : show(where)}`);
  const m = WHERE.exec(where);
  if (!m || m[2] === "/") throw new AttributeProblem(`${at} where ${show(where)} must be an absolute path below "/", $SNAP_COMMON/… or $SNAP_DATA/…`);
  const problem = mountPatternProblem(m[2]!);
  if (problem) throw new AttributeProblem(`${at} where ${show(where)} ${problem}`);
  return where;
}

// Option text goes to mount(8) only, never into a rule, but it is still kept
// to one plain token: no blanks, commas (the option separator), quotes,
// shell or AppArmor syntax.
const OPTION_TEXT = /^[A-Za-z0-9._+:=/%@~-]+$/;

function fsSpecificAllowed(types: readonly string[], name: string): boolean {
  return types.every((t) => {
    const key = COLON_OPTION_TYPES.includes(t) ? name.slice(0, name.indexOf(":") + 1 || name.length) : name;
    return Object.hasOwn(FS_OPTIONS, t) && FS_OPTIONS[t]!.includes(key);
  });
}

function checkOptions(options: readonly string[], types: readonly string[], at: string): void {
  if (options.length === 0) throw new AttributeProblem(`${at} options must list at least one mount option`);
  for (const o of options) {
    if (!OPTION_TEXT.test(o)) throw new AttributeProblem(`${at} option ${show(o)} is not a plain mount option (letters, digits and . _ + : = / % @ ~ -, no blanks, commas or quotes)`);
  }
  if (types.length > 0 && options.includes("bind")) throw new AttributeProblem(`${at} option "bind" cannot be combined with a type: a bind mount has no file system type`);
  const checkedTypes = types.length > 0 ? types : DEFAULT_FS_TYPES;
  let set = 0;
  let clear = 0;
  const given: string[] = [];
  for (const o of options) {
    if ((KERNEL_OPTIONS as readonly string[]).includes(o)) {
      const effect = FLAG_EFFECT[o as (typeof KERNEL_OPTIONS)[number]];
      const conflict = ((effect.set ?? 0) & clear) | ((effect.clear ?? 0) & set);
      if (conflict) {
        const earlier = given.find((g) => {
          const e = FLAG_EFFECT[g as (typeof KERNEL_OPTIONS)[number]];
          return ((e.set ?? 0) | (e.clear ?? 0)) & conflict;
        });
        throw new AttributeProblem(`${at} options ${show(o)} and ${show(earlier)} contradict each other`);
      }
      set |= effect.set ?? 0;
      clear |= effect.clear ?? 0;
      given.push(o);
      continue;
    }
    // An option with a value is looked up by its name and "=".
    const name = o.includes("=") ? o.slice(0, o.indexOf("=") + 1) : o;
    if (USERSPACE_OPTIONS.includes(name)) continue;
    if (fsSpecificAllowed(checkedTypes, name)) continue;
    throw new AttributeProblem(
      `${at} option ${show(o)} is unknown or not allowed for ${types.length > 0 ? `type ${types.join(", ")}` : "the default types (name a type to use its own options)"}`,
    );
  }
  const lacking = given.find((o) => OPTIONS_PARSER_LACKS.includes(o));
  if (lacking) throw new AttributeProblem(`${at} option ${show(lacking)} cannot be expressed in this system's AppArmor mount rules (AppArmor ABI 3.0)`);
  // An AppArmor rule with an empty options=() list does not load.
  if (given.length === 0) throw new AttributeProblem(`${at} options must include at least one kernel mount flag (such as rw or ro) for the AppArmor rule`);
}

/** The checked entries of a plug's `mount` list; throws AttributeProblem naming the entry. */
export function mountSpecs(attrs: AttrMap): MountSpec[] {
  const list = attrs["mount"];
  if (!Array.isArray(list) || list.length === 0) throw new AttributeProblem(`mount must be a non-empty list of entries ({what, where, type, options, persistent}), not ${list === undefined ? "missing" : show(list)}`);
  return list.map((entry: AttrValue, i: number): MountSpec => {
    const at = `mount[${i}]`;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) throw new AttributeProblem(`${at} must be a map with what, where and options, not ${show(entry)}`);
    const e = entry as AttrMap;
    try {
      onlyKnownAttrs(e, ENTRY_KEYS);
    } catch (err) {
      throw new AttributeProblem(`${at}: ${(err as Error).message}`);
    }
    const types = stringList(e, "type", at);
    const options = stringList(e, "options", at);
    const persistent = e["persistent"] ?? false;
    if (typeof persistent !== "boolean") throw new AttributeProblem(`${at} persistent must be true or false, not ${show(persistent)}`);
    checkTypes(types, at);
    const what = checkWhat(e["what"], types, at);
    const where = checkWhere(e["where"], at);
    checkOptions(options, types, at);
    if (persistent && where.startsWith("$SNAP_DATA")) throw new AttributeProblem(`${at} persistent mounts cannot be made onto $SNAP_DATA (it changes with every revision); use $SNAP_COMMON`);
    return { what, where, persistent, types, options };
  });
}

// ---- rules --------------------------------------------------------------------

/** The mount target of an entry for a snap: $SNAP_COMMON and $SNAP_DATA spelled out. */
function target(where: string, snap: string, revision: string): string {
  if (where.startsWith("$SNAP_COMMON/")) return `/var/snap/${snap}/common${where.slice("$SNAP_COMMON".length)}`;
  if (where.startsWith("$SNAP_DATA/")) return `/var/snap/${snap}/${revision}${where.slice("$SNAP_DATA".length)}`;
  return where;
}

/** The mount and umount rules of one entry (the target also matches with a trailing "/"). */
export function entryRules(spec: MountSpec, snap: string, revision: string): string[] {
  const to = `${target(spec.where, snap, revision)}{,/}`;
  const source = only(spec.types, "nfs") ? "*:**" : only(spec.types, "cifs") ? "//**" : spec.what!;
  // A bind mount ignores the type argument, so its rule names none.
  const fstype = spec.options.includes("bind") ? "" : `fstype=(${(spec.types.length > 0 ? spec.types : DEFAULT_FS_TYPES).join(",")}) `;
  const flags = spec.options.filter((o) => (KERNEL_OPTIONS as readonly string[]).includes(o)).join(",");
  return [`mount ${fstype}options=(${flags}) ${source} -> ${to},`, `umount ${to},`];
}

function connectedPlugAppArmor(ctx: ConnectedContext): string {
  const specs = mountSpecs(ctx.plug.attrs);
  const entries = specs.flatMap((s) => entryRules(s, ctx.plugSnap.name, ctx.plugRevision));
  const nfs = specs.some((s) => only(s.types, "nfs"));
  return `
capability sys_admin,
# mount(8) and umount(8), run inside this profile; libmount records
# user-space mount options in /run/mount/utab and reads the mount table.
# (The process's own /proc/PID/mounts is in the base profile already.)
/{,usr/}bin/mount ixr,
/{,usr/}bin/umount ixr,
/run/mount/utab* wrlk,
owner @{PROC}/@{pid}/mountinfo r,
owner @{PROC}/self/mountinfo r,
${nfs ? "# mount.nfs looks up RPC program numbers.\n/etc/rpc r,\n" : ""}# The mounts the plug lists, and unmounting them again.
${entries.join("\n")}
`;
}

export default defineInterface({
  name: "mount-control",
  summary: "allows mounting and unmounting the file systems the plug lists",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-connection": true },
  },
  sanitizePlug: (plug) => {
    onlyKnownAttrs(plug.attrs, ["mount"]);
    mountSpecs(plug.attrs);
    return plug.attrs;
  },
  connectedPlug: {
    apparmor: connectedPlugAppArmor,
    // AppArmor's mount rules decide which mounts succeed; the calls themselves are open.
    seccomp: "mount\numount\numount2\n",
  },
  examples: {
    plug: {
      mount: [
        { what: "/dev/sd*", where: "/media/**", type: ["ext2", "ext3", "ext4"], options: ["rw", "sync"] },
        { what: "/usr/**", where: "$SNAP_COMMON/**", options: ["bind"] },
        { what: "/dev/sda{0,1}", where: "$SNAP_COMMON/**", options: ["ro"] },
        { what: "/dev/sda[0-1]", where: "$SNAP_COMMON/{foo,other,**}", type: ["mycustomfs"], options: ["sync"] },
        { what: "/dev/nvme0n1p1", where: "$SNAP_COMMON/mnt/**", type: ["aufs"], options: ["br:/mnt/a", "add:0:/mnt/b", "dirwh=1", "rw"] },
        { what: "none", where: "$SNAP_DATA/scratch", type: ["tmpfs"], options: ["rw", "nosuid", "size=64M"] },
        { what: "ffs", where: "/dev/ffs-diag", type: ["functionfs"], options: ["rw", "uid=2000"], persistent: true },
        { where: "/media/nfs/**", type: ["nfs"], options: ["rw", "vers=4"] },
        { where: "/media/cifs/**", type: ["cifs"], options: ["rw", "username=guest"] },
      ],
    },
  },
});
