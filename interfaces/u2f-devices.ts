import { defineInterface } from "../src/iface/index.js";

/**
 * Security keys by USB vendor and product ids (from libu2f-host's udev rules,
 * as snapd lists them): a name, then "|"-separated vendor and product ids.
 */
const U2F_DEVICES: readonly (readonly [string, string, string])[] = [
  ["Authentrend ATKey", "31bb", "0620|0621|0622|0625|0635|0711|0713"],
  ["Tokey 3 FIDO", "0d7a", "0200"],
  ["Yubico YubiKey", "1050", "0113|0114|0115|0116|0120|0121|0200|0402|0403|0406|0407|0410"],
  ["Happlink (formerly Plug-Up) Security KEY", "2581", "f1d0"],
  ["Neowave Keydo and Keydo AES", "1e0d", "f1d0|f1ae"],
  ["HyperSecu HyperFIDO", "096e|2ccf", "0880"],
  ["HyperSecu HyperFIDO Pro", "2ccf", "0854"],
  ["Feitian ePass FIDO, BioPass FIDO2", "096e", "0850|0852|0853|0854|0856|0858|085a|085b|085d"],
  ["JaCarta U2F", "24dc", "0101|0501"],
  ["U2F Zero", "10c4", "8acf"],
  ["VASCO SeccureClick", "1a44", "00bb"],
  ["Bluink Key", "2abe", "1002"],
  ["Thetis Key", "1ea8", "f025|f825|fc26|f829"],
  ["Nitrokey FIDO U2F", "20a0", "4287"],
  ["Nitrokey FIDO2", "20a0", "42b1"],
  ["Nitrokey 3", "20a0", "42b2"],
  ["Nitrokey Passkey", "20a0", "42f3"],
  ["Google Titan U2F", "18d1", "5026|9470"],
  ["Tomu board + chopstx U2F + SoloKeys + Flipper zero", "0483", "cdab|a2ca|5741"],
  ["SoloKeys", "1209", "5070|50b0|beee"],
  ["OnlyKey", "1d50", "60fc"],
  ["Thetis U2F BT Fido2 Key", "1ea8", "fc25"],
  ["MIRKey", "0483", "a2ac"],
  ["Ledger Blue + Nano S + Nano X + Nano S+ + Ledger Stax", "2c97", "0000|0001|0004|0005|0015|1005|1015|4005|4015|5005|5015|6005|6015"],
  ["GoTrust Idem Key", "32a3", "3201|3203"],
  ["Trezor", "534c", "0001|0002"],
  ["Trezor v2", "1209", "53c0|53c1"],
  ["U2F-TOKEN (Tomu et al.)", "16d0", "0e90"],
  ["Token2 FIDO2 Security Keys", "349e", "0010|0011|0012|0013|0014|0015|0016|0020|0021|0022|0023|0024|0025|0026|0200|0201|0202|0203|0204|0205|0206"],
  ["Swissbit iShield Key", "1370", "0911"],
  ["RSA DS100", "15e1", "2019"],
  ["Kensington VeriMark Guard Fingerprint Key", "047d", "8055"],
  ["Kensington VeriMark DT Fingerprint Key", "047d", "00f2"],
  ["TrustKeys FIDO2 U2F", "311f", "4a2a|a6e9"],
  ["OneSpan DIGIPASS FX Series", "1a44", "1501|1502|1503|1506|1507|1508|1509|150a|150b"],
  ["Arculus AuthentiKey", "3752", "0001"],
  ["Cano Key", "20a0", "42d4"],
];

/** One udev match per vendor and product pair (udev matches here take no "|" alternatives). */
export const U2F_MATCHES: readonly string[] = U2F_DEVICES.flatMap(([, vendors, products]) =>
  vendors.split("|").flatMap((v) => products.split("|").map((p) => `SUBSYSTEM=="hidraw", KERNEL=="hidraw*", ATTRS{idVendor}=="${v}", ATTRS{idProduct}=="${p}"`)),
);

export default defineInterface({
  name: "u2f-devices",
  summary: "allows talking to FIDO/U2F security keys over hidraw",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // The path rule covers every hidraw node; only nodes that the udev matches
    // below tag are let through by the device cgroup, so keyboards and other
    // HID devices stay out of reach.
    apparmor: `
/dev/hidraw* rwk,
# udev's records of dynamically numbered character devices (majors 234-254,
# where hidraw lands), of HID batteries and of the input core.
/run/udev/data/c23[4-9]:* r,
/run/udev/data/c24[0-9]:* r,
/run/udev/data/c25[0-4]:* r,
/run/udev/data/+power_supply:hid* r,
/run/udev/data/c14:[0-9]* r,
# HID report descriptors, which libfido2 reads to recognise a token.
/sys/devices/**/i2c*/**/report_descriptor r,
/sys/devices/**/usb*/**/report_descriptor r,
`,
    udev: U2F_MATCHES,
  },
});
