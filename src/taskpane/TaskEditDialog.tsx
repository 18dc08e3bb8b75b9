/**
 * Correcting one task before the workbook is written: its text, kind, lead and partner
 * agencies (typed, ";"-separated, matched against the directory again) and time; or removing
 * it. Used for tasks read from prose, where the reading is the tool's, not the plan's table.
 */
import * as React from "react";
import { useEffect, useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Task, TaskKind } from "../core/model";
import type { TaskEdit } from "../core/import/edit-result";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

const names = (refs: Task["lead"]) => refs.map((r) => r.name).join("; ");

export interface TaskEditDialogProps {
  task: Task | null;
  onSave: (key: string, edit: TaskEdit) => void;
  onRemove: (key: string) => void;
  onClose: () => void;
}

export function TaskEditDialog({ task, onSave, onRemove, onClose }: TaskEditDialogProps) {
  const styles = useStyles();
  const [title, setTitle] = useState("");
  const [lead, setLead] = useState("");
  const [partners, setPartners] = useState("");
  const [timeText, setTimeText] = useState("");
  const [kind, setKind] = useState<TaskKind>("assignment");
  useEffect(() => {
    if (!task) return;
    setTitle(task.title);
    setLead(names(task.lead));
    setPartners(names(task.partners));
    setTimeText(task.timeText);
    setKind(task.kind ?? "assignment");
  }, [task]);
  if (!task) return null;
  const stt = task.stt || task.numbered;
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{`Sửa nhiệm vụ ${stt}`}</DialogTitle>
          <DialogContent>
            <div className={styles.form} data-testid="task-edit">
              <Field label="Nhiệm vụ">
                <Textarea
                  value={title}
                  rows={4}
                  resize="vertical"
                  onChange={(_, d) => setTitle(d.value)}
                  data-testid="edit-title"
                />
              </Field>
              <Field label="Loại">
                <RadioGroup
                  layout="horizontal"
                  value={kind}
                  onChange={(_, d) => setKind(d.value as TaskKind)}
                >
                  <Radio value="assignment" label="Giao thực hiện" />
                  <Radio value="request" label="Đề nghị (theo dõi riêng)" />
                </RadioGroup>
              </Field>
              <Field label="Đơn vị chủ trì" hint="Nhiều đơn vị: ngăn cách bằng dấu ;">
                <Input value={lead} onChange={(_, d) => setLead(d.value)} data-testid="edit-lead" />
              </Field>
              <Field label="Đơn vị phối hợp" hint="Ngăn cách bằng dấu ;">
                <Input
                  value={partners}
                  onChange={(_, d) => setPartners(d.value)}
                  data-testid="edit-partners"
                />
              </Field>
              <Field
                label="Thời gian thực hiện"
                hint='Ví dụ: "Hằng năm", "Trước ngày 15/11 hằng năm", "Quý III/2025", "2025 - 2030"'
              >
                <Input
                  value={timeText}
                  onChange={(_, d) => setTimeText(d.value)}
                  data-testid="edit-time"
                />
              </Field>
            </div>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={() => onSave(task.key, { title, lead, partners, timeText, kind })}
              data-testid="edit-save"
            >
              Lưu
            </Button>
            <Button onClick={() => onRemove(task.key)} data-testid="edit-remove">
              Bỏ nhiệm vụ này
            </Button>
            <Button appearance="subtle" onClick={onClose}>
              Hủy
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
