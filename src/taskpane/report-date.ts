/**
 * Defaults and checks for the report year and report date inputs. Dates are ISO strings
 * ("2026-11-15") built from the *local* calendar day: toISOString() would give yesterday's date
 * to an officer working before 07:00 in Việt Nam (UTC+7).
 */
import { localIsoDate } from "../core/text/dates";

export function todayIso(now: Date = new Date()): string {
  return localIsoDate(now);
}

export function currentYear(now: Date = new Date()): number {
  return now.getFullYear();
}

/** Report years outside this window are almost certainly typos. */
export function isPlausibleReportYear(year: number): boolean {
  return Number.isInteger(year) && year >= 2000 && year <= 2100;
}

// The pane's date fields read and show dates through core's one date module.
export {
  formatViDate as formatIsoDateVi,
  isIsoDate as isValidIsoDate,
  parseViDate,
} from "../core/text/dates";
