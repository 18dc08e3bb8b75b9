/**
 * What a file's first bytes say it is, before we try to unzip it: Office files that are not
 * .docx (legacy .doc, password-protected .docx) are OLE2 containers, not zips.
 */
export type ContainerKind = "zip" | "ole2-encrypted" | "ole2" | "unknown";

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniffContainer(bytes: Uint8Array): ContainerKind {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return "zip";
  if (startsWith(bytes, OLE2_MAGIC)) {
    // An encrypted OOXML file is an OLE2 container holding the "EncryptionInfo" and
    // "EncryptedPackage" streams; their names are stored in UTF-16LE in the directory.
    return containsUtf16(bytes, "EncryptionInfo") || containsUtf16(bytes, "EncryptedPackage")
      ? "ole2-encrypted"
      : "ole2";
  }
  return "unknown";
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, s: string): boolean {
  const first = s.charCodeAt(0);
  outer: for (let i = 0; i + s.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < s.length; k++) {
      if (bytes[i + 2 * k] !== s.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}
