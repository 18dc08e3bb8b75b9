/** An error, as a message bar the officer can close: what went wrong and what to do. */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { ErrorText } from "./error-text";

export function ErrorBar({
  error,
  onDismiss,
  testId,
}: {
  error: ErrorText;
  onDismiss: () => void;
  testId: string;
}) {
  return (
    <MessageBar intent="error" data-testid={testId} politeness="assertive">
      <MessageBarBody>
        <MessageBarTitle>{error.title}</MessageBarTitle>
        {error.message}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          Đóng
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
