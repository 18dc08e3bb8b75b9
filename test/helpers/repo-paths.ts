/**
 * The repository's folders for tests, wherever the test file sits (unit tests mirror src/ at
 * several depths, so a test never counts `..` to reach them).
 */
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const SRC_DIR = path.join(REPO_ROOT, "src");
export const TEST_FIXTURES = path.join(REPO_ROOT, "test", "fixtures");
