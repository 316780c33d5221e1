// Batch 3 of the interface catalogue, registered through interfaces/index.ts.
import type { InterfaceModule } from "../src/iface/index.js";

export const catalogue3: readonly InterfaceModule[] = [];
