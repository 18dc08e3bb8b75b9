/**
 * jsdom lacks a few things the pane's code uses from the browser; they are given here as the
 * browser has them (Node's own TextEncoder, Blob.arrayBuffer), or as no-ops where jsdom cannot
 * do it at all (scrolling, object URLs for downloads).
 */
import { TextDecoder, TextEncoder } from "node:util";
import { deserialize, serialize } from "node:v8";
import { configure } from "@testing-library/react";

jest.setTimeout(60_000);

const g = globalThis as unknown as Record<string, unknown>;
if (!g.TextEncoder) g.TextEncoder = TextEncoder;
if (!g.TextDecoder) g.TextDecoder = TextDecoder;
// The same structured clone algorithm as the browser's (V8's serializer).
if (!g.structuredClone) g.structuredClone = (v: unknown) => deserialize(serialize(v));
if (!Blob.prototype.arrayBuffer)
  Blob.prototype.arrayBuffer = function (this: Blob) {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(r.result as ArrayBuffer);
      r.onerror = () => reject(r.error);
      r.readAsArrayBuffer(this);
    });
  };
Element.prototype.scrollIntoView = function () {};
let urls = 0;
URL.createObjectURL = () => `blob:phuluc/${++urls}`;
URL.revokeObjectURL = () => {};
// Fluent's MessageBar watches its width to reflow; jsdom has no layout, so nothing to observe.
if (!g.ResizeObserver)
  g.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };

// The pane's jobs read and write real workbooks; on a busy machine that takes seconds, so
// testing-library waits as long as a slow office computer would make the officer wait.
configure({ asyncUtilTimeout: 30_000 });
