// Types of scripts/build-electron.js for the unit tests.
import type { BuildOptions } from 'esbuild';

export function rendererIsStale(projectRoot?: string): boolean;
export function bundleOptions(projectRoot?: string): { main: BuildOptions; preload: BuildOptions };
export function buildElectron(options?: { projectRoot?: string; renderer?: boolean }): Promise<void>;
