// Lint as `yo office` sets it up (eslint-plugin-office-addins + prettier), extended to .tsx.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

const recommended = officeAddins.configs.react;

/**
 * The layer table of docs/ARCHITECTURE.md, enforced: each folder of src/ names the folders and
 * packages it must not import. A lower layer never imports a higher one; core imports nothing
 * outside core (no Office, Node, exceljs, React).
 */

const NODE_BUILTINS =
  "node:.*|fs|fs/promises|path|os|child_process|crypto|url|util|stream|zlib|worker_threads";
const UI_PACKAGES = "react|react-dom|react-dom/.*|@fluentui/.*";
const LAYERS = {
  core: {
    folders: ["xlsx", "docx", "pdf", "render", "app", "host", "taskpane", "cli"],
    packages: `exceljs|docx|pdfjs-dist(/.*)?|${UI_PACKAGES}|${NODE_BUILTINS}`,
    office: true,
  },
  xlsx: {
    folders: ["docx", "pdf", "render", "app", "host", "taskpane", "cli"],
    packages: `docx|pdfjs-dist(/.*)?|${UI_PACKAGES}|${NODE_BUILTINS}`,
    office: true,
  },
  // The only user of the \`docx\` package: a Paper (core) → .docx bytes.
  docx: {
    folders: ["xlsx", "pdf", "render", "app", "host", "taskpane", "cli"],
    packages: `exceljs|${UI_PACKAGES}|${NODE_BUILTINS}`,
    office: true,
  },
  // The only user of pdfjs-dist: PDF bytes → positioned text and ruling lines (core's PdfPage).
  pdf: {
    folders: ["xlsx", "docx", "render", "app", "host", "taskpane", "cli"],
    packages: `exceljs|docx|${UI_PACKAGES}|${NODE_BUILTINS}`,
    office: true,
  },
  render: {
    folders: ["xlsx", "pdf", "docx", "app", "host", "taskpane", "cli"],
    packages: `exceljs|docx|${UI_PACKAGES}|${NODE_BUILTINS}`,
  },
  app: {
    folders: ["render", "host", "taskpane", "cli"],
    packages: `docx|${UI_PACKAGES}|${NODE_BUILTINS}`,
    office: true,
  },
  host: {
    folders: ["xlsx", "pdf", "docx", "app", "taskpane", "cli"],
    packages: `exceljs|docx|${UI_PACKAGES}|${NODE_BUILTINS}`,
  },
  taskpane: { folders: ["cli"], packages: `docx|${NODE_BUILTINS}` },
  cli: { folders: ["render", "host", "taskpane"], packages: `docx|${UI_PACKAGES}`, office: true },
};
const layerBlocks = Object.entries(LAYERS).map(([layer, rule]) => ({
  files: [`src/${layer}/**/*.{ts,tsx}`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            regex: `(^|/)(${rule.folders.join("|")})(/|$)`,
            message: `src/${layer} must not import this layer (docs/ARCHITECTURE.md, "Layers").`,
          },
          {
            regex: `^(${rule.packages})$`,
            message: `src/${layer} must not use this package (docs/ARCHITECTURE.md, "Layers").`,
          },
          // A command is arguments and output only: what two commands share lives in src/cli/.
          ...(layer === "cli"
            ? [
                {
                  regex: "^\\./[a-z-]+-command$",
                  message:
                    "a command must not import another command: move the helper to src/cli/.",
                },
              ]
            : []),
        ],
      },
    ],
    ...(rule.office
      ? {
          "no-restricted-globals": [
            "error",
            { name: "Office", message: `src/${layer} has no Office.js.` },
            { name: "Excel", message: `src/${layer} has no Office.js.` },
          ],
        }
      : {}),
  },
}));

/**
 * "Which agency answers for this name on this date" is one rule (src/core/agency/
 * resolve-agency.ts): outside core/agency, a directory comes from directoryOf() (one per agency
 * list) and successors and members from the resolver, never from a directory of one's own.
 */
const agencyRuleBlock = {
  files: ["src/**/*.{ts,tsx}"],
  ignores: ["src/core/agency/**"],
  rules: {
    "no-restricted-syntax": [
      "error",
      {
        selector: "NewExpression[callee.name='AgencyDirectory']",
        message:
          "One directory per agency list: directoryOf() or workbookAgencies() (core/agency/resolve-agency.ts).",
      },
      {
        selector: "CallExpression[callee.property.name=/^(successorOn|membersOn)$/]",
        message:
          "Who answers for a name on a date is the resolver's rule: resolverOn()/workbookAgencies() (core/agency/resolve-agency.ts).",
      },
    ],
  },
};

const tsBlock = recommended.find((c) => c.files && c.plugins && c.plugins["office-addins"]);

export default [
  {
    ignores: [
      "node_modules/",
      "dist/",
      "build/",
      "coverage/",
      ".tmp/",
      "test-results/",
      "playwright-report/",
    ],
  },
  ...recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    plugins: tsBlock.plugins,
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        ...globals.browser,
        ...globals.node,
        ...globals.jest,
        Office: "readonly",
        Excel: "readonly",
      },
    },
    rules: {
      ...tsBlock.rules,
      "no-undef": "off", // TypeScript checks this better
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      // "_name" marks a parameter a signature needs but the body does not (fakes, callbacks).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The Office.js rules read any `.load`/property access as Office proxies; core and the
    // exceljs adapter have no Office objects, so there they only report false positives.
    files: ["src/core/**", "src/xlsx/**"],
    rules: Object.fromEntries(
      Object.keys(tsBlock.rules)
        .filter((r) => r.startsWith("office-addins/"))
        .map((r) => [r, "off"])
    ),
  },
  ...layerBlocks,
  agencyRuleBlock,
];
