import { Utf8Sink } from "../../../../src/xlsx/write/utf8-sink";

test("Utf8Sink holds what TextEncoder makes of the texts joined, past its first buffer", () => {
  const texts = ["<row>", "Sở Tài chính", "😀", "\uD800", "x".repeat(70_000), "Đơn vị", ""];
  const sink = new Utf8Sink();
  for (const t of texts) sink.write(t);
  expect(Buffer.from(sink.bytes()).equals(Buffer.from(texts.join(""), "utf8"))).toBe(true);
  expect(new TextDecoder().decode(sink.bytes())).toBe(
    new TextDecoder().decode(new TextEncoder().encode(texts.join("")))
  );
});
