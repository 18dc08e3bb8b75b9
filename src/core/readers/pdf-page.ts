/**
 * A PDF page as the layout reader needs it: text items with their positions, and the ruling
 * lines drawn on it. The PDF adapter (src/pdf, pdfjs-dist) fills it; everything after (lines,
 * table cells, paragraphs) is core's, in pdf-layout.ts. Coordinates are PDF points on the page
 * as seen (rotation applied), x to the right and y DOWN from the top edge.
 */
export interface PdfTextItem {
  text: string;
  /** Left end of the text's baseline. */
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size (text height). */
  size: number;
}

/** A horizontal or vertical ruling line (a table border), from x1,y1 to x2,y2 (x1 ≤ x2, y1 ≤ y2). */
export interface PdfRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
  rules: PdfRule[];
  /** Share of the page's area covered by pictures (0…1; a scan is ~1 with no text). */
  imageCover: number;
}
