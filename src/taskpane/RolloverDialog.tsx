/** Confirmation of the year roll-over: what happens, what is kept, how to undo. */
import * as React from "react";
import {
  Button,
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

export interface RolloverDialogProps {
  open: boolean;
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
              Chuyển sang năm {p.toYear}
            </Button>
            <Button onClick={p.onCancel}>Hủy</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
