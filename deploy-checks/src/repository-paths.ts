// Where the files the deploy checks read live, relative to this package.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const deployChecksRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const repositoryRoot = path.resolve(deployChecksRoot, "..");

export const composeFile = path.join(repositoryRoot, "docker-compose.yml");
export const dockerfile = path.join(repositoryRoot, "Dockerfile");
export const envExampleFile = path.join(repositoryRoot, ".env.example");
/** Placeholder values for every variable docker-compose.yml requires. */
export const composeTestEnvFile = path.join(deployChecksRoot, "compose-validate", "test.env");
