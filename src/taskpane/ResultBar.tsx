/**
 * What a change to the tracking workbook did, as a success bar: its text, a link to download
 * the new file again (file mode) and, when the change can be undone (Excel), "Hoàn tác".
 */
import * as React from "react";
import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
} from "@fluentui/react-components";
import type { DownloadFile } from "./download";

export interface ResultBarProps {
  text: string;
  testId: string;
  download?: DownloadFile | null;
  downloadTestId: string;
  /** Shows "Hoàn tác" when given. */
  onUndo?: () => void;
  undoDisabled?: boolean;
  undoTestId?: string;
}

export function ResultBar(p: ResultBarProps) {
  return (
    <MessageBar intent="success" data-testid={p.testId}>
      <MessageBarBody>
        {p.text}{" "}
        {p.download && (
          <Link href={p.download.url} download={p.download.fileName} data-testid={p.downloadTestId}>
            Tải lại {p.download.fileName}
          </Link>
        )}
      </MessageBarBody>
      {p.onUndo && (
        <MessageBarActions>
          <Button
            size="small"
            onClick={p.onUndo}
            disabled={p.undoDisabled}
            data-testid={p.undoTestId}
          >
            Hoàn tác
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
