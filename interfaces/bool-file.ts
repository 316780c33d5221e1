import { AttributeProblem, cleanPathProblem, defineInterface, verbatimTextProblem, type ConnectedContext, type PermanentContext } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";

// A file holding 0 or 1 (or a brightness): the value of a GPIO line exported
// through sysfs, or the brightness of an LED. The slot names it by its
// /sys/class path; nothing else is accepted.
const GPIO_VALUE = /^\/sys\/class\/gpio\/gpio([0-9]+)\/value$/;
const LED_BRIGHTNESS = /^\/sys\/class\/leds\/([^/]+)\/brightness$/;

type BoolFile = { readonly kind: "gpio"; readonly line: string } | { readonly kind: "led"; readonly name: string };

function boolFile(attrs: AttrMap): BoolFile {
  const p = attrs["path"];
  if (p === undefined || p === "") throw new AttributeProblem("bool-file slot must set path (/sys/class/gpio/gpioN/value or /sys/class/leds/NAME/brightness)");
  if (typeof p !== "string") throw new AttributeProblem(`path must be a string, not ${JSON.stringify(p)}`);
  // snapd tidies the path first; an untidy one is refused here with the tidy
  // spelling, and ".." can never take the path outside the two patterns.
  const unclean = cleanPathProblem(p);
  if (unclean) throw new AttributeProblem(`path ${JSON.stringify(p)} ${unclean}`);
  const gpio = GPIO_VALUE.exec(p);
  if (gpio) return { kind: "gpio", line: gpio[1]! };
  const led = LED_BRIGHTNESS.exec(p);
  if (led) {
    // The LED's name becomes part of a rule, so it must be plain text.
    const problem = verbatimTextProblem(led[1]!);
    if (problem) throw new AttributeProblem(`path ${JSON.stringify(p)}: the LED name ${problem}`);
    return { kind: "led", name: led[1]! };
  }
  throw new AttributeProblem(`path must be a GPIO value (/sys/class/gpio/gpioN/value) or an LED brightness (/sys/class/leds/NAME/brightness), not ${JSON.stringify(p)}`);
}

export default defineInterface({
  name: "bool-file",
  summary: "allows writing one GPIO value or LED brightness file chosen by the gadget",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core", "gadget"] }, "deny-auto-connection": true },
  },
  // As in snapd, attributes other than path are not looked at.
  sanitizeSlot: (slot): AttrMap => {
    boolFile(slot.attrs);
    return slot.attrs;
  },
  permanentSlot: {
    // A gadget offering a GPIO value exports the line and sets its direction
    // (from a hook or service) before consumers can use it. The direction rule
    // is snapd's as written: gpioN there is a link, and AppArmor checks the
    // file under /sys/devices it leads to, so in effect it grants nothing;
    // widening it to that target would grant more than snapd does.
    apparmor: (ctx: PermanentContext) =>
      boolFile(ctx.endpoint.attrs).kind === "gpio"
        ? `
# Exporting and unexporting GPIO lines, and choosing a line's direction.
/sys/class/gpio/export rw,
/sys/class/gpio/unexport rw,
/sys/class/gpio/gpio[0-9]*/direction rw,
`
        : "",
  },
  connectedPlug: {
    // The /sys/class entries are symbolic links, and AppArmor checks the file
    // they lead to under /sys/devices. snapd resolves the link on the host when
    // it writes the profile; these rules instead name the target by pattern,
    // so a profile does not depend on the board it was written on and the
    // host's links are never followed into the rule.
    apparmor: (ctx: ConnectedContext) => {
      const f = boolFile(ctx.slot.attrs);
      // The literal part of each rule is checked once more where it is written;
      // the "**" the link may lead through is added after.
      if (f.kind === "gpio") {
        const value = safeAbsolutePath(`/gpio/gpio${f.line}/value`, "bool-file GPIO value");
        return `\n# GPIO line ${f.line}'s value (k: tools that lock it while toggling).\n/sys/devices/**${value} rwk,\n`;
      }
      // An LED sits in a leds/ directory under a bus device, or straight under
      // a class device (keyboard LEDs under their input device), so the pattern
      // leaves the parent open. LED names are unique; the one other kind of
      // device with a brightness file, a backlight, would match only if it
      // had the very same name.
      const led = safeAbsolutePath(`/${f.name}`, "bool-file LED name");
      const dir = `/sys/devices/**${led}`;
      const platformDir = `/sys/devices/platform/**/leds${led}`;
      // snapd adds the blink controls only for LEDs of a platform device, the
      // kind that sits in a leds/ directory under /sys/devices/platform.
      return `
# LED ${f.name}'s brightness (k: tools that lock it while changing it).
${dir}/brightness rwk,
# Its trigger and blink timing, when it is an LED of a platform device.
${platformDir}/{trigger,delay_on,delay_off} rw,
`;
    },
  },
  examples: { slot: { path: "/sys/class/leds/input3::capslock/brightness" } },
});
