import { describe, expect, it } from "vitest";
import { choosePolicyFeatures } from "./apparmor.js";

// snapd's choice for the distribution's parser: 5.0 over everything, never 4.0.
describe("the feature ABI profiles are compiled against", () => {
  it.each([
    [["3.0", "4.0", "5.0"], "/abi/5.0"],
    [["5.0"], "/abi/5.0"],
    [["3.0", "4.0"], "/abi/3.0"],
    [["3.0"], "/abi/3.0"],
    [["4.0"], undefined],
    [[], undefined],
  ] as [string[], string | undefined][])("with ABI files %j the pin is %s", (present, want) => {
    expect(choosePolicyFeatures((f) => present.some((v) => f === `/abi/${v}`), "/abi")).toBe(want);
  });
});
