/**
 * Jest projects: fast pure unit tests, integration tests on real files (LibreOffice, python),
 * and component tests of the pane (React in jsdom, testing-library, Excel mode on the Office fake).
 */
// Type-checking is `npm run typecheck`'s job; here ts-jest only transpiles (tsconfig has isolatedModules).
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }];
module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test/unit"],
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
