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
    const most = text.length * 3; // UTF-8 takes at most 3 bytes per UTF-16 code unit
    if (this.length + most > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + most));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.length += Utf8Sink.encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  /** The bytes written so far (a view of the buffer: the sink is not written to after). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}
