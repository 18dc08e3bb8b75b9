import { joinBytes } from "../../../../src/core/readers/join-bytes";
import { Utf8Sink } from "../../../../src/xlsx/write/utf8-sink";

test("Utf8Sink holds what TextEncoder makes of the texts joined, past its first buffer", () => {
  const texts = ["<row>", "Sở Tài chính", "😀", "\uD800", "x".repeat(70_000), "Đơn vị", ""];
  const sink = new Utf8Sink();
  for (const t of texts) sink.write(t);
  const bytes = joinBytes(sink.chunks());
  expect(Buffer.from(bytes).equals(Buffer.from(texts.join(""), "utf8"))).toBe(true);
  expect(new TextDecoder().decode(bytes)).toBe(
    new TextDecoder().decode(new TextEncoder().encode(texts.join("")))
  );
});

test("a big part stays in chunks of at most 1 MB (but a text longer than that), never copied", () => {
  const sink = new Utf8Sink();
  const row = `<row r="1"><c r="A1" t="inlineStr"><is><t>Sở Văn hóa, Thể thao</t></is></c></row>`;
  for (let i = 0; i < 100_000; i++) sink.write(row);
  const long = "ế".repeat(600_000); // 1.8 MB of UTF-8 in one write
  sink.write(long);
  const chunks = sink.chunks();
  expect(chunks.length).toBeGreaterThan(5);
  expect(chunks.slice(0, -1).every((c) => c.length <= 1 << 20)).toBe(true);
  expect(chunks[chunks.length - 1]).toHaveLength(long.length * 3);
  expect(new TextDecoder().decode(joinBytes(chunks))).toBe(row.repeat(100_000) + long);
});
