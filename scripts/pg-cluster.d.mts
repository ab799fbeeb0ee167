// Types for scripts/pg-cluster.mjs (plain ESM so that scripts/test.mjs runs before anything is installed).
import type { ChildProcess } from 'node:child_process';

export interface PostgresBin { initdb: string; pgCtl: string; postgres: string | null }
export interface ClusterHandle { dir: string; pgCtl: string }
export interface StartedCluster extends ClusterHandle { url: string; port: number; seconds: number }

export function findPostgresBin(): PostgresBin | null;
export function freePort(): Promise<number>;
export function startCluster(bins: PostgresBin, options?: {
  prefix?: string;
  settings?: string[];
  onDir?: (cluster: ClusterHandle) => void;
  onChild?: (child: ChildProcess | null) => void;
}): Promise<StartedCluster | { error: string }>;
export function stopCluster(cluster: ClusterHandle): void;
