import type { DeviceMode } from "../device/index.js";
import type { AttrMap, AttrValue, PlugInfo, SlotInfo, SnapInfo } from "../snap/index.js";

/** One alternative of a declaration rule: every constraint in it must hold. */
export type RuleConstraints = Readonly<Record<string, AttrValue>>;
/** A rule is true, false, one set of constraints, or a list of alternatives. */
export type RuleValue = boolean | RuleConstraints | readonly RuleConstraints[];

export const RULE_NAMES = [
  "allow-installation",
  "deny-installation",
  "allow-connection",
  "deny-connection",
  "allow-auto-connection",
  "deny-auto-connection",
] as const;
export type RuleName = (typeof RULE_NAMES)[number];
export type SideRules = Readonly<Partial<Record<RuleName, RuleValue>>>;

/** An interface's part of the base declaration: its plug-side and slot-side rules. */
export interface BaseDeclarationFragment {
  readonly plugs?: SideRules;
  readonly slots?: SideRules;
}

/** Why an attribute was refused; the caller adds which snap and plug. */
export class AttributeProblem extends Error {
  override name = "AttributeProblem";
}

/**
 * What this machine's security tools understand, for the few modules whose
 * rules depend on it (as snapd probes its parser). Absent means nothing newer
 * than AppArmor 3.0.
 */
export interface HostFeatures {
  /** apparmor_parser features by snapd's names: "userns", "mqueue-posix". */
  readonly apparmorParser: ReadonlySet<string>;
  /** The flags of the CPU (from /proc/cpuinfo), which pick the KVM module. */
  readonly cpuFlags?: readonly string[];
  /** Where this machine's backlight devices are in sysfs (resolved links of /sys/class/backlight). */
  readonly backlights?: readonly string[];
  /** $NOTIFY_SOCKET as Plugboard's own service manager set it. */
  readonly notifySocket?: string;
}

export const BASELINE_HOST: HostFeatures = { apparmorParser: new Set() };

/** What a connected-plug or connected-slot snippet may refer to. */
export interface ConnectedContext {
  readonly plug: PlugInfo;
  readonly slot: SlotInfo;
  readonly plugSnap: SnapInfo;
  readonly slotSnap: SnapInfo;
  readonly plugRevision: string;
  readonly slotRevision: string;
  /** AppArmor label expression of the plug side's apps and hooks, quoted, e.g. "snap.foo.{a,b}". */
  readonly plugLabel: string;
  /** Of the slot side, quoted; "unconfined" when the slot is the system snap's (a host service). */
  readonly slotLabel: string;
  readonly slotIsSystem: boolean;
  readonly host?: HostFeatures;
  /** The device's mode; absent means classic, the default device's. */
  readonly mode?: DeviceMode;
}

/** What a permanent (always present) plug or slot snippet may refer to. */
export interface PermanentContext {
  readonly endpoint: PlugInfo | SlotInfo;
  readonly snap: SnapInfo;
  readonly revision: string;
  readonly host?: HostFeatures;
  /** The device's mode; absent means classic, the default device's. */
  readonly mode?: DeviceMode;
}

/**
 * Whether a snippet is rendered for a classic system (a general-purpose
 * distribution whose own services provide many slots) rather than a core one.
 * The mode is a fact of the device, not of the connection: a slot can be the
 * system's on either.
 */
export function onClassic(ctx: { readonly mode?: DeviceMode }): boolean {
  return ctx.mode !== "core";
}

/** A bind mount the launcher sets up (content interface). */
export interface MountEntry {
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
}

type Text<C> = string | ((ctx: C) => string);

/**
 * Kernel modules the system handles for a snap, as snapd's kmod backend does:
 * loaded at boot (modules-load.d) and when the snippet takes effect,
 * given parameters, or refused (modprobe.d).
 */
export interface KmodSnippet {
  /** Modules to load. */
  readonly load?: readonly string[];
  /** Parameters of a module: name → "a=1 b=2". */
  readonly options?: Readonly<Record<string, string>>;
  /** Modules modprobe must never load for anyone (blacklist). */
  readonly deny?: readonly string[];
}

/**
 * What connecting the system snap's plug to a snap's slot makes the host do,
 * for the interfaces that offer a snap's driver libraries to the system (the
 * *-driver-libs family; snapd's ldconfig, symlinks and configfiles backends).
 * Every directory is a $SNAP/... path of the slot snap, already validated by
 * the module's sanitizeSlot; the backend maps it to where the snap's files
 * are on the host.
 */
export interface HostLibrariesSnippet {
  /** The slot's directories holding libraries. */
  readonly libraryDirs: readonly string[];
  /** Whether the host's dynamic loader searches them (an ld.so.conf.d entry). */
  readonly loaderPath: boolean;
  /** Whether they are listed for confined apps (the export list snapd's snap-confine reads). */
  readonly exportList: boolean;
  /** Links the host's driver loaders follow into the snap. */
  readonly links?: readonly HostLinkRequest[];
}

/**
 * A link request. "manifests": every *.json regular file of the source
 * directories is checked and linked into hostDir, under a name made of the
 * snap, slot and file (preceded by priority plus the directory's place in the
 * list, when a priority is given). "library": hostDir/file links to the first
 * library directory holding that file.
 */
export type HostLinkRequest =
  | {
      readonly kind: "manifests";
      readonly sourceDirs: readonly string[];
      readonly hostDir: string;
      readonly priority?: number;
      /** Why a manifest is refused, or undefined. hasLibrary tells whether a file name is in a library directory. */
      readonly check: (manifest: unknown, hasLibrary: (file: string) => boolean) => string | undefined;
    }
  | { readonly kind: "library"; readonly file: string; readonly hostDir: string };

/** What a host-libraries hook may refer to. */
export interface SystemPlugContext extends ConnectedContext {
  /** This machine's multiarch triplet (x86_64-linux-gnu), where distributions keep per-architecture libraries. */
  readonly multiarch: string;
}

export interface Snippets<C> {
  /** AppArmor rules, one per line, indented by two spaces in the profile. */
  readonly apparmor?: Text<C>;
  /** seccomp rules in the source syntax, one per line. */
  readonly seccomp?: Text<C>;
  /** udev match expressions (e.g. KERNEL=="video[0-9]*"); each tags the app's devices. */
  readonly udev?: readonly string[] | ((ctx: C) => readonly string[]);
  /** Bind mounts for the plug side (content). */
  readonly mount?: (ctx: C) => readonly MountEntry[];
  /** Kernel modules, for the whole snap rather than one app. */
  readonly kmod?: KmodSnippet | ((ctx: C) => KmodSnippet);
}

export function snippetText<C>(t: Text<C> | undefined, ctx: C): string {
  return t === undefined ? "" : typeof t === "string" ? t : t(ctx);
}

export interface InterfaceModule {
  readonly name: string;
  readonly summary: string;
  /** Whether the system snap carries a slot of this interface, by device mode. */
  readonly implicitOn: { readonly core: boolean; readonly classic: boolean };
  /** Whether the system snap carries a plug of this interface, by device mode (none when absent). */
  readonly implicitPlugOn?: { readonly core: boolean; readonly classic: boolean };
  /** Kept for old desktop stacks; granting more than its name suggests. */
  readonly transitional?: boolean;
  readonly baseDeclaration: BaseDeclarationFragment;
  /**
   * Check a plug's attributes. Return the attributes to keep (possibly with
   * defaults filled in) or throw AttributeProblem.
   */
  readonly sanitizePlug?: (plug: PlugInfo) => AttrMap;
  readonly sanitizeSlot?: (slot: SlotInfo) => AttrMap;
  readonly connectedPlug?: Snippets<ConnectedContext>;
  readonly connectedSlot?: Snippets<ConnectedContext>;
  readonly permanentPlug?: Snippets<PermanentContext>;
  readonly permanentSlot?: Snippets<PermanentContext>;
  /** What a connection of the system snap's plug to a snap's slot makes the host do. */
  readonly hostLibraries?: (ctx: SystemPlugContext) => HostLibrariesSnippet;
  /**
   * Why this interface cannot be set up on a host with these features, or
   * undefined when it can. Checked before any of its snippets is rendered.
   */
  readonly hostRequirement?: (host: HostFeatures) => string | undefined;
  /**
   * Valid attributes for a plug and a slot of this interface, used by the
   * tests that render and compile every module (and by generated docs).
   */
  readonly examples?: { readonly plug?: AttrMap; readonly slot?: AttrMap };
}

/** Identity helper so modules are checked against the shape where they are written. */
export function defineInterface<T extends InterfaceModule>(module: T): T {
  return module;
}
