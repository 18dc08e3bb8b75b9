/**
 * A part's bytes as a "binary" string: one character per byte (0-255). An 18,000-row worksheet
 * edited in place (patch-cells.ts) is markup in ASCII around UTF-8 cell text; its edits only
 * look at the markup, so it is read and written as such a string: no UTF-8 decode of the whole
 * sheet before the edit and no encode after it (~0.2 s each for 17 MB of Vietnamese text in
 * Node 20), and half the memory of a decoded two-byte string. Text put into such a string
 * (a new cell's value) goes in as its UTF-8 bytes: utf8Binary.
 */
import { nodeBuiltin } from "../core/readers/node-builtin";

interface NodeBuffer {
  from(s: string, encoding: "latin1"): Uint8Array;
  from(a: ArrayBufferLike, offset: number, length: number): { toString(e: "latin1"): string };
}

/** Node's Buffer where there is one (none in the task pane). */
function nodeBuffer(): NodeBuffer | undefined {
  return nodeBuiltin<{ Buffer?: NodeBuffer }>("node:buffer")?.Buffer;
}

export function bytesToBinary(bytes: Uint8Array): string {
  const buffer = nodeBuffer();
  if (buffer) return buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
  // A browser: TextDecoder's "latin1" is windows-1252 (0x80-0x9F differ), so by char codes.
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += 8192)
    parts.push(String.fromCharCode(...bytes.subarray(at, at + 8192)));
  return parts.join("");
}

export function binaryToBytes(s: string): Uint8Array {
  // A character past 255 would lose its high bits: text put in without utf8Binary.
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u00ff]/.test(s)) throw new Error("binary part text holds a character past 255");
  const buffer = nodeBuffer();
  if (buffer) {
    const b = buffer.from(s, "latin1");
    return new Uint8Array(b.buffer, b.byteOffset, b.length); // a plain view, not a Buffer
  }
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const encoder = new TextEncoder();

/** `text`'s UTF-8 bytes as a binary string (ASCII text is itself). */
export function utf8Binary(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\u0000-\u007f]*$/.test(text) ? text : bytesToBinary(encoder.encode(text));
}
