/**
 * The real file picker: hidden and out of the tab order; a visible button clicks it through
 * the ref and is its label. Gives the chosen file, if any.
 */
import * as React from "react";
import { makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({ hidden: { display: "none" } });

export interface HiddenFileInputProps {
  accept: string;
  label: string;
  testId: string;
  onFile: (file: File) => void;
}

export const HiddenFileInput = React.forwardRef<HTMLInputElement, HiddenFileInputProps>(
  function HiddenFileInput({ accept, label, testId, onFile }, ref) {
    const styles = useStyles();
    return (
      <input
        ref={ref}
        type="file"
        accept={accept}
        className={styles.hidden}
        tabIndex={-1}
        aria-label={label}
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Reset so that choosing the same file again (after fixing it) fires change again.
          e.target.value = "";
          if (file) onFile(file);
        }}
      />
    );
  }
);
