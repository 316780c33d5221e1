import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "power-control",
  summary: "allows changing system and device power management settings",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Not the system's sleep states (/sys/power), nor asynchronous callbacks,
    // autosuspend delays or PM QoS of devices, which are often unsafe to change.
    apparmor: `
# Devices' power settings: all readable; wake-up and runtime power
# management may be changed.
/sys/devices/**/power/{,*} r,
/sys/devices/**/power/wakeup w,
/sys/devices/**/power/control w,
# Android kernels' switch for low-power sleep levels.
/sys/module/lpm_levels/parameters/sleep_disabled rw,
# Battery charge thresholds (both the ThinkPad names and the kernel's
# standard ones), and what the tools that set them read (auto-cpufreq).
/sys/devices/**/power_supply/BAT[0-9]*/charge_start_threshold rw,
/sys/devices/**/power_supply/BAT[0-9]*/charge_stop_threshold rw,
/sys/devices/**/power_supply/BAT[0-9]*/charge_control_start_threshold rw,
/sys/devices/**/power_supply/BAT[0-9]*/charge_control_end_threshold rw,
/sys/devices/**/power_supply/BAT[0-9]*/type r,
/sys/devices/**/power_supply/BAT[0-9]*/status r,
/sys/devices/**/power_supply/AC/type r,
/sys/devices/**/power_supply/AC/online r,
`,
  },
});
