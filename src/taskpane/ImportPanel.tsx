/**
 * Step 1: where the plan comes from: a file (.docx/.pdf/.xlsx/.html/.txt, chosen or dropped on
 * the file block), pasted text, or (in Excel) the selected range. Every control has a visible
 * label or an accessible name.
 */
import * as React from "react";
import { useId, useRef, useState } from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { Section } from "./Section";
import { HiddenFileInput } from "./HiddenFileInput";
import { useSectionStyles } from "./section-styles";

const PasteBox = React.lazy(() =>
  import(/* webpackChunkName: "paste-box", webpackPrefetch: true */ "./PasteBox").then((m) => ({
    default: m.PasteBox,
  }))
);

const ACCEPTED_FILES =
  ".docx,.pdf,.xlsx,.xlsm,.txt,.tsv,.html,.htm,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/plain";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  fileName: { color: tokens.colorNeutralForeground2, wordBreak: "break-all" },
  textarea: { width: "100%" },
  // A plain <label> as Fluent's Label looks: Field would bring its own code into the pane's
  // initial bundle (issue 19: at most 100 KB gzip), for one label.
  label: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
});

export interface ImportPanelProps {
  inExcel: boolean;
  busy: boolean;
  onFile: (file: File) => void;
  /** Pasted text, and the clipboard's HTML when the paste had one (tables keep their cells). */
  onText: (text: string, html?: string) => void;
  onSelection: () => void;
}

export function ImportPanel({ inExcel, busy, onFile, onText, onSelection }: ImportPanelProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState("");
  const [text, setText] = useState("");
  // The HTML of the last paste, kept while the box still holds exactly what was pasted.
  const [pasted, setPasted] = useState<{ html: string; text: string } | null>(null);
  const html = pasted && pasted.text === text ? pasted.html : undefined;
  const fileHintId = useId();
  const selectionHintId = useId();
  const pasteId = useId();

  return (
    <Section title="1. Nhập phụ lục" testId="import-panel">
      <div
        className={styles.block}
        data-testid="file-drop"
        onDragOver={(e) => {
          if (busy) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }}
        onDrop={(e) => {
          const file = e.dataTransfer.files[0];
          if (busy || !file) return;
          e.preventDefault();
          setFileName(file.name);
          onFile(file);
        }}
      >
        <div className={section.row}>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => fileInput.current?.click()}
            aria-describedby={fileHintId}
            data-testid="choose-file"
          >
            Chọn tệp kế hoạch…
          </Button>
          {fileName && <Caption1 className={styles.fileName}>{fileName}</Caption1>}
        </div>
        <Caption1 id={fileHintId} className={section.hint}>
          Word (.docx), PDF có chữ (không phải bản scan), Excel (.xlsx), trang web (.html) hoặc văn
          bản (.txt) có bảng phụ lục hoặc phần phân công nhiệm vụ; có thể kéo thả tệp vào đây.
        </Caption1>
        <HiddenFileInput
          ref={fileInput}
          accept={ACCEPTED_FILES}
          label="Chọn tệp kế hoạch"
          testId="file-input"
          onFile={(file) => {
            setFileName(file.name);
            onFile(file);
          }}
        />
      </div>

      <div className={styles.block}>
        <label htmlFor={pasteId} className={styles.label}>
          Hoặc dán nội dung phụ lục (sao chép từ Word, Excel hoặc trang web)
        </label>
        <React.Suspense
          fallback={
            <textarea id={pasteId} className={styles.textarea} rows={4} readOnly aria-busy="true" />
          }
        >
          <PasteBox
            id={pasteId}
            className={styles.textarea}
            resize="vertical"
            rows={4}
            value={text}
            onChange={(_, d) => setText(d.value)}
            onPaste={(e) => {
              const data = e.clipboardData;
              const h = data.getData("text/html");
              if (!h || !/<(table|p|li|h\d|div)[\s>]/i.test(h)) {
                setPasted(null);
                return;
              }
              // Word, LibreOffice, Excel and browsers put HTML beside the plain text: read it,
              // so a cell with several paragraphs stays one cell. The box shows the plain text.
              e.preventDefault();
              const plain = data.getData("text/plain");
              setText(plain);
              setPasted({ html: h, text: plain });
            }}
            placeholder="Dán cả bảng, kể cả hàng tiêu đề: STT, Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực hiện"
            data-testid="paste-text"
          />
        </React.Suspense>
        <div className={section.row}>
          <Button
            disabled={busy || text.trim() === ""}
            onClick={() => onText(text, html)}
            data-testid="read-text"
          >
            Đọc văn bản đã dán
          </Button>
        </div>
        {html && (
          <Caption1 className={section.hint} data-testid="paste-html-note">
            Đã giữ định dạng bảng của nội dung dán (mỗi ô giữ nguyên các dòng, gạch đầu dòng).
          </Caption1>
        )}
      </div>

      <div className={styles.block}>
        <div className={section.row}>
          <Button
            disabled={busy || !inExcel}
            onClick={onSelection}
            aria-describedby={selectionHintId}
            data-testid="use-selection"
          >
            Dùng vùng đang chọn
          </Button>
        </div>
        <Caption1 id={selectionHintId} className={section.hint}>
          {inExcel
            ? "Chọn cả bảng phụ lục trên trang tính (kể cả hàng tiêu đề) rồi bấm nút này."
            : "Chỉ dùng được khi Phụ Lục chạy trong Excel."}
        </Caption1>
      </div>
    </Section>
  );
}
