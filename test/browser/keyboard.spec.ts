/**
 * Keyboard-only pass: every control reachable with Tab has an accessible name and a visible
 * focus indicator, and the whole flow (paste → read → finding → confirm) works without a mouse.
 */
import { test, expect, Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openPaneForKeyboard } from "./pane-helpers";

interface Focused {
  tag: string;
  role: string | null;
  name: string;
  focusVisible: boolean;
  indicator: boolean;
}

/** The focused element's accessible name (the parts of the accname algorithm the pane uses). */
async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const text = (ids: string | null) =>
      (ids ?? "")
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? "")
        .join(" ")
        .trim();
    const input = el as HTMLInputElement;
    const name =
      el.getAttribute("aria-label")?.trim() ||
      text(el.getAttribute("aria-labelledby")) ||
      (input.labels && input.labels.length
        ? Array.from(input.labels)
            .map((l) => l.textContent?.trim())
            .join(" ")
        : "") ||
      el.textContent?.trim() ||
      el.getAttribute("title") ||
      "";
    // Fluent draws focus rings with outline/box-shadow on the element, or on an ::after of the
    // element or of its field wrapper (inputs).
    const ring = (node: Element | null): boolean => {
      if (!node) return false;
      const s = getComputedStyle(node);
      const a = getComputedStyle(node, "::after");
      return (
        (s.outlineStyle !== "none" && s.outlineWidth !== "0px") ||
        s.boxShadow !== "none" ||
        (a.content !== "none" &&
          (a.borderBottomStyle !== "none" ||
            a.outlineStyle !== "none" ||
            a.borderTopStyle !== "none"))
      );
    };
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute("role"),
      name,
      focusVisible: el.matches(":focus-visible"),
      indicator: ring(el) || ring(el.parentElement),
    };
  });
}

test("every control reached by Tab has a name and a visible focus", async ({ page }) => {
  await openPaneForKeyboard(page);
  const seen: Focused[] = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (f.tag === "body") break;
    seen.push(f);
  }
  const names = seen.map((f) => f.name);
  expect(names).toEqual(
    expect.arrayContaining([
      "Chọn tệp kế hoạch…",
      "Hoặc dán nội dung phụ lục (sao chép từ Word, Excel hoặc trang web)",
    ])
  );
  for (const f of seen) {
    expect(f.name, `${f.tag} without an accessible name`).not.toBe("");
    expect(f.focusVisible, `${f.name}: no :focus-visible`).toBe(true);
    expect(f.indicator, `${f.name}: no visible focus indicator`).toBe(true);
  }
  // Disabled buttons (read text: nothing pasted; selection: file mode) are skipped by Tab.
  expect(names).not.toContain("Dùng vùng đang chọn");
});

test("the whole flow works with the keyboard alone", async ({ page }) => {
  await openPaneForKeyboard(page);
  const text = readFileSync(join(__dirname, "paste-sample.txt"), "utf8");
  // Tab to the textarea (after the tab list and the file button), type, Tab to read, Enter.
  for (let i = 0; i < 5 && (await focused(page)).tag !== "textarea"; i++)
    await page.keyboard.press("Tab");
  expect((await focused(page)).tag).toBe("textarea");
  await page.keyboard.insertText(text);
  await page.keyboard.press("Tab");
  expect((await focused(page)).name).toBe("Đọc văn bản đã dán");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("counts")).toHaveText("2 nhóm, 4 nhiệm vụ");
  await expect(page.getByTestId("live-status")).toContainText("Đã đọc kế hoạch 12/KH-UBND");

  // Tab onwards to the first finding button that points at a row, and open it with Enter.
  let reached: Focused | null = null;
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    expect(f.name, `${f.tag} without an accessible name`).not.toBe("");
    if (f.tag === "button" && /Bấm để xem nhiệm vụ/.test(f.name)) {
      reached = f;
      break;
    }
  }
  expect(reached).not.toBeNull();
  await page.keyboard.press("Enter");
  await expect(page.locator('[data-testid="task-row"][aria-current="true"]')).toBeFocused();

  // Continue to the confirm button and press it: a download starts.
  const downloadPromise = page.waitForEvent("download");
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    expect(f.name, `${f.tag} without an accessible name`).not.toBe("");
    if (f.name === "Tạo tệp Excel theo dõi") break;
  }
  expect((await focused(page)).name).toBe("Tạo tệp Excel theo dõi");
  await page.keyboard.press("Enter");
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("theo-doi-12-KH-UBND.xlsx");
});
