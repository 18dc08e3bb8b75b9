/**
 * Where the project's shared inputs live: `shared/` beside the repository (as on developers'
 * machines and in CI's fresh clone), never an absolute path of one machine.
 */
import path from "node:path";

export const SHARED_DIR = path.resolve(__dirname, "..", "..", "..", "shared");
export const LAM_DONG_DOCX = path.join(SHARED_DIR, "fixtures", "lam-dong-4784-ke-hoach.docx");
export const seedPath = (name: string): string => path.join(SHARED_DIR, "seeds", name);
export const SEED_LAM_DONG = seedPath("004_e647c3720ac1e613.txt");
export const SEED_DONG_NAI = seedPath("000_154b8362fb7d49e0.txt");
export const SEED_BAC_GIANG = seedPath("002_d63d4383b1337089.txt");
export const SEED_NAM_DINH = seedPath("003_6110013fc2d4d02d.txt");
