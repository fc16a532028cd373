// Every migration, oldest first. Add new ones at the end; once released, never edit one.
import { Baseline1764000000000 } from "./1764000000000-baseline.js";

export const migrations = [Baseline1764000000000];
