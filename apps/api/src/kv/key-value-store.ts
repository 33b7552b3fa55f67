/**
 * Short-lived shared state: rate-limit counters, single-use challenges, locks. Redis in production (shared by all
 * replicas); an in-process map in the embedded single-process mode. Both pass the same contract tests.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Sets only when absent; true when this call set it (a lock was acquired, a nonce was first seen). */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Reads and deletes in one step, so a challenge can be consumed once only. */
  take(key: string): Promise<string | null>;
  delete(key: string): Promise<void>;
  /** Deletes only while the value is still `value`: releases a lock without freeing someone else's. */
  deleteIfEquals(key: string, value: string): Promise<boolean>;
  /** Counts `by` hits (default 1) in a fixed window that starts with the first hit. */
  increment(key: string, windowMs: number, by?: number): Promise<{ count: number; ttlMs: number }>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const KEY_VALUE_STORE = Symbol('KEY_VALUE_STORE');
