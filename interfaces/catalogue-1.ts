// Batch 1 of the interface catalogue, registered through interfaces/index.ts.
import type { InterfaceModule } from "../src/iface/index.js";

export const catalogue1: readonly InterfaceModule[] = [];
