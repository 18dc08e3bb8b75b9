/**
 * A part's text encoded as UTF-8 as it is written, into one growing buffer. A task sheet of
 * thousands of rows is then never one string: each row's text dies young instead of living on
 * (copied by the garbage collector, old space, marked) until the whole sheet is joined and then
 * encoded again.
 */
export class Utf8Sink {
  private static readonly encoder = new TextEncoder();
  private buffer = new Uint8Array(1 << 16);
  private length = 0;

  write(text: string): void {
    this.room(text.length * 3); // UTF-8 takes at most 3 bytes per UTF-16 code unit
    this.length += Utf8Sink.encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  /** Bytes already encoded (another sink's). */
  append(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  private room(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + more));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  /** The bytes written so far (a view of the buffer: the sink is not written to after). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}
