/**
 * Jest projects: fast pure unit tests; "slow", the unit tests that take minutes on a busy machine
 * (files named *.slow.test.ts, beside the unit tests they belong with: 10,000-task payload,
 * API-set analysis, 2,000-task paper, eslint runs); integration tests on real files
 * (LibreOffice, python); "component", the pane's React parts in jsdom with testing-library
 * (Excel mode on the Office fake). `npm test` runs and counts all four.
 */
// Type-checking is `npm run typecheck`'s job; here ts-jest only transpiles (tsconfig has isolatedModules).
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }];
const SLOW = "\\.slow\\.test\\.tsx?$";
module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test/unit"],
      testPathIgnorePatterns: ["/node_modules/", SLOW],
      transform: { "^.+\\.tsx?$": tsJest },
    },
    {
      displayName: "slow",
      testEnvironment: "node",
      roots: ["<rootDir>/test/unit"],
      testRegex: SLOW,
      transform: { "^.+\\.tsx?$": tsJest },
    },
    {
      displayName: "integration",
      testEnvironment: "node",
      roots: ["<rootDir>/test/integration"],
      transform: { "^.+\\.tsx?$": tsJest },
      // LibreOffice and python runs take seconds each.
      setupFilesAfterEnv: ["<rootDir>/test/helpers/integration-timeout.ts"],
    },
    {
      displayName: "component",
      testEnvironment: "jsdom",
      // Packages' Node builds (exceljs' uuid has only ESM for browsers): the code under test is
      // the pane's, not the bundler's choice of files.
      testEnvironmentOptions: { customExportConditions: ["node", "node-addons"] },
      roots: ["<rootDir>/test/component"],
      transform: { "^.+\\.tsx?$": tsJest },
      setupFilesAfterEnv: ["<rootDir>/test/component/setup.ts"],
    },
  ],
};
