/** The Word adapter: the only place that imports the `docx` package. Lazy-load it with import(). */
export { writePaperDocx } from "./write-paper";
export { writeLetterDocx } from "./write-letter";
