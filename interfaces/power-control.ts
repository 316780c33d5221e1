import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "power-control",
  summary: "allows changing system and device power management settings",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# System sleep states and their tunables.
/sys/power/ r,
/sys/power/{state,disk,mem_sleep,autosleep,wakeup_count,image_size,reserved_size,resume,resume_offset,pm_async,pm_freeze_timeout,sync_on_suspend} rw,
/sys/power/{wake_lock,wake_unlock} rw,
# Per-device runtime power management and wake-up sources.
/sys/devices/**/power/ r,
/sys/devices/**/power/{control,wakeup,autosuspend_delay_ms} rw,
/sys/devices/**/power/* r,
`,
  },
});
