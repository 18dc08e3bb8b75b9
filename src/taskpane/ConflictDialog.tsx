/**
 * Asked by the Office renderer when the workbook already has sheets it would write: back them
 * up (renamed copies) and continue, or cancel and change nothing.
 */
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";

export interface ConflictRequest {
  existing: string[];
  resolve: (choice: "backup" | "cancel") => void;
}

export function ConflictDialog({ request }: { request: ConflictRequest | null }) {
  return (
    <Dialog
      open={request !== null}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) request?.resolve("cancel");
      }}
    >
      <DialogSurface aria-describedby="conflict-desc">
        <DialogBody>
          <DialogTitle>Sổ làm việc đã có các trang này</DialogTitle>
          <DialogContent id="conflict-desc">
            <p>Các trang sau đã tồn tại: {request?.existing.join(", ")}.</p>
            <p>
              Phụ Lục có thể đổi tên chúng thành bản sao lưu rồi tạo trang mới; dữ liệu cũ được giữ
              nguyên trong bản sao lưu.
            </p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => request?.resolve("backup")}>
              Sao lưu rồi tạo mới
            </Button>
            <Button onClick={() => request?.resolve("cancel")}>Hủy</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
