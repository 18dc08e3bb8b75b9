/**
 * Node's zlib where the platform has it (node-builtin.ts: none in the task pane). Native inflate
 * is ~8× faster than fflate's, native deflate ~3×; callers fall back to fflate.
 */
import { nodeBuiltin } from "./node-builtin";

/** The members of node:zlib used by the readers and the zip writer. */
export interface NodeZlib {
  inflateRawSync(
    bytes: Uint8Array,
    options: { maxOutputLength: number; chunkSize?: number }
  ): Uint8Array;
  /** `finishFlush`: Z_SYNC_FLUSH ends the output on a byte boundary without ending the stream. */
  deflateRaw(
    bytes: Uint8Array,
    options: { level: number; finishFlush?: number },
    done: (error: Error | null, out: Uint8Array) => void
  ): void;
  constants: { Z_SYNC_FLUSH: number; Z_FINISH: number };
  /** Node ≥ 20.15; `value`: the CRC of the bytes before these. */
  crc32?(bytes: Uint8Array, value?: number): number;
}

export function nodeZlib(): NodeZlib | undefined {
  return nodeBuiltin<NodeZlib>("node:zlib");
}

/**
 * Node's error when inflated output would pass maxOutputLength. By its code, not `instanceof
 * RangeError`: Node's errors come from another realm than code run in a vm (jest).
 */
export function isOutputTooLarge(e: unknown): boolean {
  return (
    typeof e === "object" && e !== null && (e as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE"
  );
}
