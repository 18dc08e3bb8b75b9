/**
 * The paste box is Fluent's Textarea, loaded just after the pane paints: its code would put the
 * pane's first scripts over 100 KB gzip (issue 19). Until then a read-only native box stands in.
 */
import { Textarea } from "@fluentui/react-components";

export const PasteBox = Textarea;
