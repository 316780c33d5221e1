// Batch 2 of the interface catalogue, registered through interfaces/index.ts.
import type { InterfaceModule } from "../src/iface/index.js";

export const catalogue2: readonly InterfaceModule[] = [];
