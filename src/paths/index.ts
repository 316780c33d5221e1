import path from "node:path";

/**
 * Every file Plugboard reads or writes, derived from one root directory.
 * Tests and the demo use a temporary root; production uses "/".
 */
export interface Paths {
  readonly root: string;
  readonly etcDir: string;
  readonly deviceFile: string;
  readonly trustedDir: string;
  readonly interfacesDir: string;
  readonly varLib: string;
  readonly stateFile: string;
  readonly stateLock: string;
  readonly snapsDir: string;
  readonly availableDir: string;
  readonly seedDir: string;
  /** Snap files sent to the API, kept only while their install runs. */
  readonly uploadsDir: string;
  readonly apparmorProfilesDir: string;
  readonly apparmorCacheDir: string;
  readonly seccompDir: string;
  readonly mountDir: string;
  readonly udevRulesDir: string;
  /** Modules systemd loads at boot, and modprobe's parameters and refusals. */
  readonly modulesLoadDir: string;
  readonly modprobeDir: string;
  /** The dynamic loader's extra search paths (the snaps' driver libraries). */
  readonly ldconfigDir: string;
  /** Lists of the driver-library directories snaps offer the system, and the record of the links made for them. */
  readonly exportDir: string;
  /** The API sockets the agent serves: snapd's path, so existing clients find it, and Plugboard's own. */
  readonly snapdSocket: string;
  readonly plugboardSocket: string;
  /** Where one installed revision's metadata is kept. */
  snapRevisionDir(name: string, revision: string): string;
}

export function makePaths(root: string): Paths {
  const r = path.resolve(root);
  const at = (...p: string[]) => path.join(r, ...p);
  const varLib = at("var/lib/plugboard");
  return {
    root: r,
    etcDir: at("etc/plugboard"),
    deviceFile: at("etc/plugboard/device.yaml"),
    trustedDir: at("etc/plugboard/trusted"),
    interfacesDir: at("etc/plugboard/interfaces.d"),
    varLib,
    stateFile: path.join(varLib, "state.json"),
    stateLock: path.join(varLib, "state.lock"),
    snapsDir: path.join(varLib, "snaps"),
    availableDir: path.join(varLib, "available"),
    seedDir: path.join(varLib, "seed"),
    uploadsDir: path.join(varLib, "uploads"),
    apparmorProfilesDir: path.join(varLib, "apparmor/profiles"),
    apparmorCacheDir: at("var/cache/plugboard/apparmor"),
    seccompDir: path.join(varLib, "seccomp/bpf"),
    mountDir: path.join(varLib, "mount"),
    udevRulesDir: at("etc/udev/rules.d"),
    modulesLoadDir: at("etc/modules-load.d"),
    modprobeDir: at("etc/modprobe.d"),
    ldconfigDir: at("etc/ld.so.conf.d"),
    exportDir: path.join(varLib, "export"),
    snapdSocket: at("run/snapd.socket"),
    plugboardSocket: at("run/plugboard.socket"),
    snapRevisionDir: (name, revision) => path.join(varLib, "snaps", name, revision),
  };
}
