// Lint as `yo office` sets it up (eslint-plugin-office-addins + prettier), extended to .tsx.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

const recommended = officeAddins.configs.react;
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
];
