import { describe, expect, it } from "vitest";
import { launchConfinement } from "./status.js";

describe("launchConfinement", () => {
  it("is strict with AppArmor in the kernel and partial, with what is not enforced, without", () => {
    expect(launchConfinement(true)).toEqual({ level: "strict" });
    const partial = launchConfinement(false);
    expect(partial.level).toBe("partial");
    expect(partial.note).toMatch(/seccomp.*PID namespaces.*capabilities.*not mediated/);
  });
});
