/**
 * The pane's two areas as an ARIA tab list (WAI-ARIA Authoring Practices "Tabs", automatic
 * activation): one Tab stop, ←/→/Home/End move between tabs and show them.
 *
 * Hand-made rather than Fluent's TabList on purpose: TabList brings the tabster focus library
 * into the INITIAL bundle (+25 KiB gzip, measured with scripts/bundle-size.mjs), and the pane
 * must paint fast on slow provincial networks. Looks follow Fluent's tokens.
 */
import * as React from "react";
import { useRef } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

export interface PaneTab<T extends string> {
  value: T;
  label: string;
}

const useStyles = makeStyles({
  list: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    position: "relative",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    ":hover": {
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorSubtleBackgroundHover,
    },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
    "::after": {
      content: '""',
      position: "absolute",
      left: tokens.spacingHorizontalM,
      right: tokens.spacingHorizontalM,
      bottom: "-1px",
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: "transparent",
    },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    "::after": { backgroundColor: tokens.colorCompoundBrandStroke },
  },
});

const tabId = (value: string) => `tab-${value}`;
const panelId = (value: string) => `panel-${value}`;

export function PaneTabs<T extends string>(props: {
  tabs: PaneTab<T>[];
  selected: T;
  onSelect: (value: T) => void;
  label: string;
}) {
  const styles = useStyles();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (to: number) => {
    const n = props.tabs.length;
    const i = (to + n) % n;
    const tab = props.tabs[i];
    if (!tab) return;
    props.onSelect(tab.value);
    refs.current[i]?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    const next: Record<string, number> = {
      ArrowRight: i + 1,
      ArrowLeft: i - 1,
      Home: 0,
      End: props.tabs.length - 1,
    };
    const to = next[e.key];
    if (to !== undefined) {
      e.preventDefault();
      move(to);
    }
  };
  return (
    <div role="tablist" aria-label={props.label} className={styles.list} data-testid="tabs">
      {props.tabs.map((t, i) => {
        const on = t.value === props.selected;
        return (
          <button
            key={t.value}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={tabId(t.value)}
            aria-selected={on}
            aria-controls={panelId(t.value)}
            tabIndex={on ? 0 : -1}
            className={mergeClasses(styles.tab, on && styles.selected)}
            onClick={() => props.onSelect(t.value)}
            onKeyDown={(e) => onKeyDown(e, i)}
            data-testid={`tab-${t.value}`}
          >
            {t.label}
          </button>
        );
      })}
    </div>
  );
}
