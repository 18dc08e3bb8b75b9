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

test("Utf8Sink appends another sink's bytes as they are", () => {
  const items = new Utf8Sink();
  items.write("<si><t>Sở Y tế</t></si>");
  const part = new Utf8Sink();
  part.write("<sst>");
  part.append(items.bytes());
  part.write("</sst>");
  expect(new TextDecoder().decode(part.bytes())).toBe("<sst><si><t>Sở Y tế</t></si></sst>");
});
