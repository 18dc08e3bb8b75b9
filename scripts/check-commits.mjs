#!/usr/bin/env node
// `npm run lint` part: every commit since the rule was set (BASE) has a subject of at most 72
// characters, a blank line, and a body saying why (CONTRIBUTING.md). Merge commits are git's own
// text and are not checked. Outside a git checkout (a source tarball) there is nothing to check.
import { spawnSync } from "node:child_process";

/** The commit the rule starts from: the ones before it were written under no such rule. */
export const BASE = "fe84250";
export const MAX_SUBJECT = 72;
/**
 * Commits already in main that break the rule: history is not rewritten, so one is listed here
 * (short hash → why) instead; the list only grows by such a mistake, never to make room.
 */
export const KNOWN_EXCEPTIONS = {};

/** What is wrong with one commit message, or undefined. */
export function messageProblem(message) {
  const lines = message.replace(/\s+$/, "").split("\n");
  const subject = lines[0] ?? "";
  if (subject.trim() === "") return "dòng tiêu đề trống";
  if ([...subject].length > MAX_SUBJECT)
    return `tiêu đề dài ${[...subject].length} ký tự (tối đa ${MAX_SUBJECT})`;
  if (lines.length < 3 || lines[1].trim() !== "" || lines.slice(2).every((l) => l.trim() === ""))
    return "thiếu phần thân (một dòng trống sau tiêu đề, rồi lý do của thay đổi)";
  return undefined;
}

function git(args) {
  return spawnSync("git", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  if (git(["rev-parse", "--verify", "--quiet", `${BASE}^{commit}`]).status !== 0) {
    console.log(`check-commits: không có commit ${BASE} (không phải bản git đầy đủ), bỏ qua.`);
    process.exit(0);
  }
  const log = git(["log", "--no-merges", "--format=%H%x00%B%x01", `${BASE}..HEAD`]);
  if (log.status !== 0) {
    console.error(log.stderr);
    process.exit(1);
  }
  const bad = log.stdout
    .split("\x01")
    .map((e) => e.replace(/^\n/, ""))
    .filter((e) => e.includes("\x00"))
    .map((e) => {
      const [hash, message] = e.split("\x00");
      return { hash, subject: message.split("\n")[0], problem: messageProblem(message) };
    })
    .filter((c) => c.problem && !Object.keys(KNOWN_EXCEPTIONS).some((h) => c.hash.startsWith(h)));
  for (const c of bad) console.error(`${c.hash.slice(0, 10)} "${c.subject}": ${c.problem}`);
  if (bad.length) {
    console.error(`check-commits: ${bad.length} commit chưa đúng quy tắc (CONTRIBUTING.md).`);
    process.exit(1);
  }
  console.log(`check-commits: các commit từ ${BASE} đều đúng quy tắc.`);
}
