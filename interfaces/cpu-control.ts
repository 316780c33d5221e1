import { defineInterface } from "../src/iface/index.js";

const CPU = "/sys/devices/system/cpu";

export default defineInterface({
  name: "cpu-control",
  summary: "allows tuning CPUs: frequency scaling, hotplug, SMT, idle states and interrupt affinity",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Walking the CPU tree, taking CPUs on and offline, and switching SMT.
${CPU}/**/ r,
${CPU}/cpu*/online rw,
${CPU}/smt/* r,
${CPU}/smt/control w,
# Android-style boost on input and per-CPU frequency limits.
/sys/module/cpu_boost/parameters/input_boost_freq rw,
/sys/module/cpu_boost/parameters/input_boost_ms rw,
${CPU}/cpu[0-9]*/cpufreq/scaling_min_freq rw,
${CPU}/cpu[0-9]*/cpufreq/scaling_max_freq rw,
# Qualcomm core control: how many cores stay online under which load.
${CPU}/cpu[0-9]*/core_ctl/min_cpus rw,
${CPU}/cpu[0-9]*/core_ctl/busy_up_thres rw,
${CPU}/cpu[0-9]*/core_ctl/busy_down_thres rw,
${CPU}/cpu[0-9]*/core_ctl/offline_delay_ms rw,
${CPU}/cpu[0-9]*/core_ctl/task_thres rw,
${CPU}/cpu[0-9]*/core_ctl/nr_prev_assist_thresh rw,
${CPU}/cpu[0-9]*/core_ctl/enable rw,
# cpufreq policies: governor, limits, fixed speed, energy preference, and
# the schedutil governor's tunables.
${CPU}/cpufreq/{,**} r,
${CPU}/cpufreq/policy*/energy_performance_preference w,
${CPU}/cpufreq/policy*/scaling_governor w,
${CPU}/cpufreq/policy*/scaling_max_freq w,
${CPU}/cpufreq/policy*/scaling_min_freq w,
${CPU}/cpufreq/policy*/scaling_setspeed w,
${CPU}/cpufreq/policy*/schedutil/up_rate_limit_us rw,
${CPU}/cpufreq/policy*/schedutil/down_rate_limit_us rw,
${CPU}/cpufreq/policy*/schedutil/hispeed_freq rw,
${CPU}/cpufreq/policy*/schedutil/pl rw,
${CPU}/cpufreq/boost w,
# The intel_pstate driver's global knobs (turbo, performance range, mode).
${CPU}/intel_pstate/{,*} r,
${CPU}/intel_pstate/hwp_dynamic_boost w,
${CPU}/intel_pstate/max_perf_pct w,
${CPU}/intel_pstate/min_perf_pct w,
${CPU}/intel_pstate/no_turbo w,
${CPU}/intel_pstate/status w,
# Scheduler task-placement tunables of big.LITTLE (WALT) kernels.
/proc/sys/kernel/sched_upmigrate rw,
/proc/sys/kernel/sched_downmigrate rw,
/proc/sys/kernel/sched_group_upmigrate rw,
/proc/sys/kernel/sched_group_downmigrate rw,
/proc/sys/kernel/sched_walt_rotate_big_tasks rw,
/proc/sys/kernel/sched_boost rw,
# Per-CPU idle time of PREEMPT_RT kernels carrying the OSADL load patch.
/proc/idleruntime/{all,cpu[0-9]*}/data r,
/proc/idleruntime/{all,cpu[0-9]*}/reset w,
# Holding this open with a latency value keeps CPUs out of deep C-states.
/dev/cpu_dma_latency rw,
# Which CPUs serve which interrupts.
/sys/kernel/irq{/,/[0-9]**} r,
/proc/interrupts r,
/proc/irq/[0-9]*/smp_affinity rwk,
/proc/irq/[0-9]*/smp_affinity_list rwk,
/proc/irq/default_smp_affinity rwk,
`,
    udev: ['SUBSYSTEM=="misc", KERNEL=="cpu_dma_latency"'],
  },
});
