/**
 * A password-protected OOXML file as Office writes it, in miniature: an OLE2 compound file whose
 * directory names the encryption streams (its header, then one directory sector).
 */
export function encryptedOle(): Uint8Array {
  const ole = new Uint8Array(2048);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const name = (s: string, at: number) =>
    [...s].forEach((c, i) => ole.set([c.charCodeAt(0), 0], at + 2 * i));
  name("Root Entry", 512);
  name("EncryptionInfo", 640);
  name("EncryptedPackage", 768);
  return ole;
}
