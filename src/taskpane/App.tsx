/**
 * The pane: title, host mode, the live status line (given to every part through PaneContext,
 * with the mode) and two tabs — "Nhập kế hoạch" (ImportTab)
 * and "Theo dõi" (TrackingPanel, its own lazy chunk, mounted on first visit and kept).
 */
import * as React from "react";
import { useEffect, useMemo, useState } from "react";
import {
  FluentProvider,
  Spinner,
  Caption1,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useHost } from "./use-host";
import { ModeBanner } from "./ModeBanner";
import { LiveStatus } from "./LiveStatus";
import { PaneTabs, type PaneTab } from "./PaneTabs";
import { ImportTab } from "./ImportTab";
import { PaneProvider, type PaneContextValue } from "./pane-context";

const TrackingPanel = React.lazy(() =>
  import(/* webpackChunkName: "tracking", webpackPrefetch: true */ "./TrackingPanel").then((m) => ({
    default: m.TrackingPanel,
  }))
);
const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: "280px",
    maxWidth: "720px",
    margin: "0 auto",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", gap: "2px" },
  title: { margin: 0, color: tokens.colorBrandForeground1 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // `hidden` alone loses to display:flex: the inactive panel must not render at all.
  inactive: { display: "none" },
});

type TabId = "import" | "tracking";
const TABS: PaneTab<TabId>[] = [
  { value: "import", label: "Nhập kế hoạch" },
  { value: "tracking", label: "Theo dõi" },
];

export function App() {
  const styles = useStyles();
  const host = useHost();
  const inExcel = host?.mode === "excel";
  const [status, setStatus] = useState("");
  const [importBusy, setImportBusy] = useState(false);
  const [tab, setTab] = useState<TabId>("import");
  /** The tracking tab stays mounted once opened, so switching tabs keeps its state. */
  const [trackingMounted, setTrackingMounted] = useState(false);

  const pane = useMemo<PaneContextValue>(
    () => ({ mode: inExcel ? "excel" : "file", ready: host !== null, onStatus: setStatus }),
    [inExcel, host]
  );

  useEffect(() => {
    if (host)
      setStatus(host.mode === "excel" ? "Đang chạy trong Excel." : "Chế độ tệp (không có Excel).");
  }, [host]);

  return (
    <FluentProvider theme={webLightTheme}>
      <PaneProvider value={pane}>
        <main className={styles.root} aria-busy={importBusy}>
          <header className={styles.header}>
            <Title3 as="h1" className={styles.title}>
              Phụ Lục
            </Title3>
            <Caption1 className={styles.subtitle}>
              Theo dõi nhiệm vụ trong phụ lục kế hoạch của UBND tỉnh
            </Caption1>
          </header>
          <ModeBanner host={host} />
          <LiveStatus text={status} />

          <PaneTabs<TabId>
            label="Chức năng"
            tabs={TABS}
            selected={tab}
            onSelect={(next) => {
              setTab(next);
              if (next === "tracking") setTrackingMounted(true);
            }}
          />

          <div
            id="panel-import"
            role="tabpanel"
            aria-labelledby="tab-import"
            className={tab === "import" ? styles.panel : styles.inactive}
            hidden={tab !== "import"}
          >
            <ImportTab onBusyChange={setImportBusy} />
          </div>

          {trackingMounted && (
            <div
              id="panel-tracking"
              role="tabpanel"
              aria-labelledby="tab-tracking"
              className={tab === "tracking" ? styles.panel : styles.inactive}
              hidden={tab !== "tracking"}
            >
              <React.Suspense fallback={<Spinner size="small" label="Đang mở Theo dõi…" />}>
                <TrackingPanel />
              </React.Suspense>
            </div>
          )}
        </main>
      </PaneProvider>
    </FluentProvider>
  );
}
