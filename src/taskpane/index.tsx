/**
 * Entry of the task pane bundle. Renders at once (no waiting for Office.js): the App shows a
 * short "starting" state while src/host/detect-host.ts decides between Excel and file mode.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";

const container = document.getElementById("root");
if (container) createRoot(container).render(<App />);
