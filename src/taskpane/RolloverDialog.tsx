/** Confirmation of the year roll-over: what happens, what is kept, how to undo. */
import * as React from "react";
import type { Finding } from "../core/model";
import { findingPlace, findingText } from "./tracking-view";
import {
  Button,
  MessageBar,
  MessageBarBody,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

/** Errors listed in the dialog before "…" (the rest counted). */
const SHOWN_ERRORS = 6;

export interface RolloverDialogProps {
  open: boolean;
  /** Errors still open in the finished year: "Lịch sử" would keep them for good. */
  errors: Finding[];
  fromYear: number;
  toYear: number;
  inExcel: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function RolloverDialog(p: RolloverDialogProps) {
  const styles = useStyles();
  const descId = React.useId();
  return (
    <Dialog
      open={p.open}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) p.onCancel();
      }}
    >
      <DialogSurface aria-describedby={descId} data-testid="rollover-dialog">
        <DialogBody>
          <DialogTitle>
            Chuyển sổ từ năm {p.fromYear} sang năm {p.toYear}?
          </DialogTitle>
          <DialogContent id={descId}>
            {p.errors.length > 0 && (
              <MessageBar intent="warning" layout="multiline" data-testid="rollover-errors">
                <MessageBarBody>
                  Năm {p.fromYear} còn {p.errors.length} lỗi chưa sửa. Trang “Lịch sử” lưu số liệu
                  năm {p.fromYear} vĩnh viễn, nên sửa trước khi chuyển năm:
                  <ul className={styles.list}>
                    {p.errors.slice(0, SHOWN_ERRORS).map((f, i) => (
                      <li key={i} data-testid="rollover-error">
                        {findingText(f)} ({findingPlace(f)})
                      </li>
                    ))}
                    {p.errors.length > SHOWN_ERRORS && (
                      <li>… và {p.errors.length - SHOWN_ERRORS} lỗi khác (xem phần Kiểm tra).</li>
                    )}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            )}
            <ul className={styles.list}>
              <li>
                Trạng thái, ngày, tiến độ và kết quả năm {p.fromYear} của mọi dòng được lưu vào
                trang “Lịch sử”.
              </li>
              <li>Nhiệm vụ lặp lại (hằng năm, hàng quý, thường xuyên…) bắt đầu lại từ trống.</li>
              <li>
                Nhiệm vụ nhiều năm (2024 - 2030, đến năm 2030) chưa hoàn thành được chuyển tiếp, giữ
                nguyên trạng thái và kết quả.
              </li>
              <li>
                Các dòng còn lại giữ nguyên: nhiệm vụ đã xong hẳn, nhiệm vụ chỉ làm một lần, hoặc
                thời gian thực hiện không đọc được (không đoán).
              </li>
              <li>
                Đơn vị không còn tồn tại trong năm {p.toYear} được đổi sang đơn vị kế thừa (cột “Đơn
                vị kế thừa”, trang “Đơn vị”); năm {p.fromYear} trong “Lịch sử” giữ tên cũ.
              </li>
              <li>
                Năm báo cáo thành {p.toYear}, ngày báo cáo thành 31/12/{p.toYear}.
              </li>
              <li>Không mất nội dung nào đã nhập.</li>
              <li>
                {p.inExcel
                  ? "Có thể hoàn tác: các giá trị cũ được sao lưu trong sổ."
                  : "Tệp gốc giữ nguyên; sổ năm mới được tải về thành tệp mới (muốn hoàn tác, chỉ cần dùng lại tệp gốc)."}
              </li>
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={p.onConfirm} data-testid="rollover-confirm">
              {p.errors.length > 0
                ? `Vẫn chuyển sang năm ${p.toYear}`
                : `Chuyển sang năm ${p.toYear}`}
            </Button>
            <Button onClick={p.onCancel}>Hủy</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
