/** Tells the user where the pane runs: inside Excel, or file mode (no Excel: a file to download). */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import type { HostInfo } from "../host/detect-host";

export function ModeBanner({ host }: { host: HostInfo | null }) {
  if (!host) return <Spinner size="tiny" label="Đang kết nối với Excel…" labelPosition="after" />;
  if (host.mode === "excel") {
    return (
      <MessageBar intent="success" data-testid="excel-mode-banner">
        <MessageBarBody>
          <MessageBarTitle>Đang chạy trong Excel.</MessageBarTitle>
          Sổ theo dõi sẽ được tạo ngay trong sổ làm việc đang mở.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="info" data-testid="file-mode-banner">
      <MessageBarBody>
        <MessageBarTitle>Chế độ tệp (không có Excel).</MessageBarTitle>
        Phụ Lục sẽ tạo tệp .xlsx để bạn tải về và mở bằng Excel.
      </MessageBarBody>
    </MessageBar>
  );
}
